#include "detect/personal_data.h"

#include <gtest/gtest.h>

#include "detect/pii_references.h"
#include "detect/pii_scanner.h"

using namespace fw::detect;  // NOLINT

TEST(PersonalData, Emails) {
  EXPECT_TRUE(IsEmailAddress("jane.doe+news@acme-corp.de"));
  EXPECT_TRUE(IsEmailAddress("o'brien@mail.ie"));
  EXPECT_FALSE(IsEmailAddress("someone@example.com"));  // documentation domain
  EXPECT_FALSE(IsEmailAddress("someone@mail.example"));
  EXPECT_FALSE(IsEmailAddress("someone@shop.example.co.uk"));
  EXPECT_FALSE(IsEmailAddress("qa@build.test"));
  EXPECT_FALSE(IsEmailAddress("you@yourdomain.com"));
  EXPECT_FALSE(IsEmailAddress("noreply@acme-corp.de"));  // a system mailbox, not a person
  EXPECT_FALSE(IsEmailAddress("icon@2x.png"));           // a file name
  EXPECT_FALSE(IsEmailAddress("not an email"));
  EXPECT_FALSE(IsEmailAddress("a@b"));
  EXPECT_FALSE(IsEmailAddress("@handle"));
  EXPECT_FALSE(IsEmailAddress("jane..doe@acme.de@x.de"));
  EXPECT_FALSE(IsEmailAddress("jane@acme..de"));
}

TEST(PersonalData, Phones) {
  EXPECT_TRUE(IsPhoneNumber("+49 151 23456789"));
  EXPECT_TRUE(IsPhoneNumber("+14155550132"));
  EXPECT_TRUE(IsPhoneNumber("(415) 555-0132"));
  EXPECT_TRUE(IsPhoneNumber("+44 20 7946 0958"));
  EXPECT_TRUE(IsPhoneNumber("+33 6 12 34 56 78"));
  EXPECT_TRUE(IsPhoneNumber("06.12.34.56.78"));  // France, dotted pairs
  EXPECT_TRUE(IsPhoneNumber("030 1234567"));     // Berlin, national format
  EXPECT_TRUE(IsPhoneNumber("030/1234567"));
  EXPECT_TRUE(IsPhoneNumber("0049 151 23456789"));
  EXPECT_TRUE(IsPhoneNumber("612 34 56 78"));             // Spanish mobile
  EXPECT_FALSE(IsPhoneNumber("1234567890"));              // bare digits: an id more often than not
  EXPECT_TRUE(IsValidPhoneNumber("030123456789", true));  // ...unless the key says phone
  EXPECT_FALSE(IsPhoneNumber("2024.01.15"));
  EXPECT_FALSE(IsPhoneNumber("2024-01-15"));
  EXPECT_FALSE(IsPhoneNumber("192.168.10.20"));
  EXPECT_FALSE(IsPhoneNumber("1.12.3456"));
  EXPECT_FALSE(IsPhoneNumber("+12"));
  EXPECT_FALSE(IsPhoneNumber("+49 123"));
  EXPECT_FALSE(IsPhoneNumber("+999 123 4567"));    // no such country code
  EXPECT_FALSE(IsPhoneNumber("+1 123 555 0132"));  // NANP area codes never start with 1
  EXPECT_FALSE(IsPhoneNumber("555-0132 12"));
}

TEST(PersonalData, CardsNeedLuhnAndIssuer) {
  EXPECT_TRUE(IsCardNumber("4111 1111 1111 1111"));
  EXPECT_TRUE(IsCardNumber("5555-5555-5555-4444"));
  EXPECT_TRUE(IsCardNumber("378282246310005"));       // Amex, 15 digits
  EXPECT_TRUE(IsCardNumber("6011111111111117"));      // Discover
  EXPECT_TRUE(IsCardNumber("3530111333300000"));      // JCB
  EXPECT_TRUE(IsCardNumber("30569309025904"));        // Diners, 14 digits
  EXPECT_TRUE(IsCardNumber("2223003122003222"));      // Mastercard 2-series
  EXPECT_FALSE(IsCardNumber("4111 1111 1111 1112"));  // Luhn fails
  EXPECT_FALSE(IsCardNumber("9111111111111111"));     // no issuer starts with 9
  EXPECT_FALSE(IsCardNumber("5555555555554"));        // Mastercard is 16 digits
  EXPECT_FALSE(IsCardNumber("4111 1111-1111 1111"));  // mixed separators
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("79927398710"));
}

TEST(PersonalData, Iban) {
  EXPECT_TRUE(IsValidIban("DE89 3704 0044 0532 0130 00"));
  EXPECT_TRUE(IsValidIban("DE89370400440532013000"));
  EXPECT_TRUE(IsValidIban("GB29 NWBK 6016 1331 9268 19"));
  EXPECT_TRUE(IsValidIban("FR1420041010050500013M02606"));
  EXPECT_TRUE(IsValidIban("ES9121000418450200051332"));
  EXPECT_TRUE(IsValidIban("nl91abna0417164300"));
  EXPECT_FALSE(IsValidIban("DE89370400440532013001"));  // mod 97 fails
  EXPECT_FALSE(IsValidIban("DE8937040044053201300"));   // one digit short for DE
  EXPECT_FALSE(IsValidIban("XX89370400440532013000"));  // no such country
  EXPECT_FALSE(IsValidIban("DE89  3704 0044 0532 0130 00"));
  EXPECT_EQ(IbanLength("NO"), 15);
}

TEST(PersonalData, Bic) {
  EXPECT_TRUE(IsValidBic("DEUTDEFF"));
  EXPECT_TRUE(IsValidBic("DEUTDEFF500"));
  EXPECT_TRUE(IsValidBic("NWBKGB2L"));
  EXPECT_FALSE(IsValidBic("DEUTXXFF"));  // XX is no country
  EXPECT_FALSE(IsValidBic("DEU1DEFF"));
  EXPECT_FALSE(IsValidBic("DEUTDEFF50"));
}

TEST(PersonalData, UsSsnRanges) {
  EXPECT_TRUE(IsValidUsSsn("536-22-1234"));
  EXPECT_TRUE(IsValidUsSsn("536 22 1234"));
  EXPECT_TRUE(IsValidUsSsn("536221234"));
  EXPECT_FALSE(IsValidUsSsn("000-22-1234"));  // area 000
  EXPECT_FALSE(IsValidUsSsn("666-22-1234"));  // area 666
  EXPECT_FALSE(IsValidUsSsn("912-22-1234"));  // area 900-999
  EXPECT_FALSE(IsValidUsSsn("536-00-1234"));  // group 00
  EXPECT_FALSE(IsValidUsSsn("536-22-0000"));  // serial 0000
  EXPECT_FALSE(IsValidUsSsn("078-05-1120"));  // the Woolworth wallet card
  EXPECT_FALSE(IsValidUsSsn("536-22 1234"));
}

TEST(PersonalData, UkNino) {
  EXPECT_TRUE(IsValidUkNino("AB123456C"));
  EXPECT_TRUE(IsValidUkNino("AB 12 34 56 C"));
  EXPECT_TRUE(IsValidUkNino("AB123456", false));
  EXPECT_FALSE(IsValidUkNino("AB123456"));   // suffix required by default
  EXPECT_FALSE(IsValidUkNino("QQ123456C"));  // Q never used (the sample prefix)
  EXPECT_FALSE(IsValidUkNino("BG123456A"));  // unallocated prefix
  EXPECT_FALSE(IsValidUkNino("AO123456A"));  // O never second
  EXPECT_FALSE(IsValidUkNino("AB123456E"));  // suffix A-D only
}

TEST(PersonalData, GermanTaxId) {
  EXPECT_TRUE(IsValidDeTaxId("86095742719"));
  EXPECT_TRUE(IsValidDeTaxId("47 036 892 816"));
  EXPECT_FALSE(IsValidDeTaxId("86095742718"));  // check digit
  EXPECT_FALSE(IsValidDeTaxId("65874302914"));  // no digit repeated in the first ten
  EXPECT_FALSE(IsValidDeTaxId("06095742719"));  // leading zero
  EXPECT_FALSE(IsValidDeTaxId("11123456789"));  // a digit three times in a row
}

TEST(PersonalData, SpanishDniNie) {
  EXPECT_TRUE(IsValidEsDni("12345678Z"));
  EXPECT_TRUE(IsValidEsDni("87654321-X"));
  EXPECT_FALSE(IsValidEsDni("12345678A"));  // letter does not match mod 23
  EXPECT_FALSE(IsValidEsDni("1234567Z"));
  EXPECT_TRUE(IsValidEsNie("X1234567L"));
  EXPECT_TRUE(IsValidEsNie("Y7654321G"));
  EXPECT_FALSE(IsValidEsNie("X1234567A"));
  EXPECT_FALSE(IsValidEsNie("W1234567L"));
}

TEST(PersonalData, FrenchNir) {
  EXPECT_TRUE(IsValidFrNir("1 85 05 78 006 084 91"));
  EXPECT_TRUE(IsValidFrNir("269029934173285"));
  EXPECT_TRUE(IsValidFrNir("1 85 05 2A 006 084 35"));   // Corsica
  EXPECT_FALSE(IsValidFrNir("1 85 05 78 006 084 92"));  // key
  EXPECT_FALSE(IsValidFrNir("5 85 05 78 006 084 91"));  // sex digit
  EXPECT_FALSE(IsValidFrNir("1 85 13 78 006 084 91"));  // month 13
}

TEST(PersonalData, Ipv4AndBirthDates) {
  EXPECT_TRUE(IsPublicIpv4("81.2.69.160"));
  EXPECT_FALSE(IsPublicIpv4("10.0.0.1"));
  EXPECT_FALSE(IsPublicIpv4("192.168.1.1"));
  EXPECT_FALSE(IsPublicIpv4("127.0.0.1"));
  EXPECT_FALSE(IsPublicIpv4("203.0.113.5"));  // documentation
  EXPECT_FALSE(IsPublicIpv4("81.2.69.256"));
  EXPECT_FALSE(IsPublicIpv4("81.2.069.16"));
  EXPECT_TRUE(IsPlausibleBirthDate("1985-04-12"));
  EXPECT_TRUE(IsPlausibleBirthDate("12.04.1985"));
  EXPECT_TRUE(IsPlausibleBirthDate("12/31/1990"));
  EXPECT_TRUE(IsPlausibleBirthDate("1985-04-12T00:00:00Z"));
  EXPECT_FALSE(IsPlausibleBirthDate("1985-02-30"));
  EXPECT_FALSE(IsPlausibleBirthDate("1850-01-01"));
  EXPECT_FALSE(IsPlausibleBirthDate("2023-02-29"));
}

TEST(PersonalData, ClassifiesValues) {
  EXPECT_EQ(ClassifyPersonalValue("jane@acme.io"), PersonalKind::kEmail);
  EXPECT_EQ(ClassifyPersonalValue("4111111111111111"), PersonalKind::kCardNumber);
  EXPECT_EQ(ClassifyPersonalValue("+44 20 7946 0958"), PersonalKind::kPhone);
  EXPECT_EQ(ClassifyPersonalValue("DE89 3704 0044 0532 0130 00"), PersonalKind::kIban);
  EXPECT_EQ(ClassifyPersonalValue("536-22-1234"), PersonalKind::kUsSsn);
  EXPECT_EQ(ClassifyPersonalValue("12345678Z"), PersonalKind::kEsDni);
  EXPECT_EQ(ClassifyPersonalValue("X1234567L"), PersonalKind::kEsNie);
  EXPECT_EQ(ClassifyPersonalValue("AB123456C"), PersonalKind::kUkNino);
  EXPECT_EQ(ClassifyPersonalValue("hello"), PersonalKind::kNone);
  // Ambiguous alone, clear under their key.
  EXPECT_EQ(ClassifyPersonalValue("536221234"), PersonalKind::kNone);
  EXPECT_EQ(ClassifyPersonalValue("536221234", "ssn"), PersonalKind::kUsSsn);
  EXPECT_EQ(ClassifyPersonalValue("86095742719", "Steuer-ID"), PersonalKind::kDeTaxId);
  EXPECT_EQ(ClassifyPersonalValue("86095742719", "count"), PersonalKind::kNone);
  EXPECT_EQ(ClassifyPersonalValue("DEUTDEFF", "BIC"), PersonalKind::kBic);
  EXPECT_EQ(ClassifyPersonalValue("81.2.69.160", "client_ip"), PersonalKind::kIpAddress);
  EXPECT_EQ(ClassifyPersonalValue("81.2.69.160", "server"), PersonalKind::kNone);
  EXPECT_EQ(ClassifyPersonalValue("1985-04-12", "dateOfBirth"), PersonalKind::kDateOfBirth);
  EXPECT_EQ(ClassifyPersonalValue("1985-04-12", "createdAt"), PersonalKind::kNone);
  EXPECT_EQ(ClassifyPersonalValue("030123456789", "Telefon"), PersonalKind::kPhone);
  EXPECT_EQ(PersonalKindClass(PersonalKind::kIban), DataClass::kFinancial);
  EXPECT_EQ(PersonalKindClass(PersonalKind::kEmail), DataClass::kPersonal);
}

TEST(PersonalData, IdentifierKeys) {
  EXPECT_TRUE(IsIdentifierKeyName("x-datadog-trace-id"));
  EXPECT_TRUE(IsIdentifierKeyName("orderId"));
  EXPECT_FALSE(IsIdentifierKeyName("remoteJid"));
  EXPECT_FALSE(IsIdentifierKeyName("phone"));
  EXPECT_FALSE(IsIdentifierKeyName("national_id"));
  EXPECT_FALSE(IsIdentifierKeyName("Steuer-ID"));
}

namespace {

std::vector<std::string> Found(std::string_view text, std::string_view key = {}) {
  std::vector<std::string> out;
  for (const auto& m : ScanPersonalData(text, key)) {
    out.push_back(std::string(PersonalKindId(m.kind)) + "=" +
                  std::string(text.substr(m.offset, m.length)));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(PiiScanner, FindsDataInsideFreeText) {
  EXPECT_EQ(Found("Hi, my e-mail is p.lindqvist@telia-mail.se and my mobile is +46 70 123 45 67. "
                  "Can you move my appointment?"),
            (V{"email=p.lindqvist@telia-mail.se", "phone=+46 70 123 45 67"}));
  EXPECT_EQ(Found("Bitte überweisen Sie auf DE89 3704 0044 0532 0130 00 (Kontoinhaber M. Weber)."),
            (V{"iban=DE89 3704 0044 0532 0130 00"}));
  EXPECT_EQ(Found("card: 4111 1111 1111 1111, exp 12/29"), (V{"card-number=4111 1111 1111 1111"}));
  EXPECT_EQ(Found("SSN 536-22-1234 on file"), (V{"us-ssn=536-22-1234"}));
  EXPECT_EQ(Found("NI number AB 12 34 56 C."), (V{"uk-nino=AB 12 34 56 C"}));
  EXPECT_EQ(Found("DNI 12345678Z, NIE X1234567L"), (V{"es-dni=12345678Z", "es-nie=X1234567L"}));
  EXPECT_EQ(Found("NIR : 1 85 05 78 006 084 91"), (V{"fr-nir=1 85 05 78 006 084 91"}));
  EXPECT_EQ(Found("Ruf mich an: 030 1234567 oder (415) 555-0132"),
            (V{"phone=030 1234567", "phone=(415) 555-0132"}));
  EXPECT_EQ(Found("mailto:jane.doe@acme-corp.de"), (V{"email=jane.doe@acme-corp.de"}));
}

TEST(PiiScanner, ContextKindsNeedAKeyOrKeyword) {
  EXPECT_EQ(Found("Steuer-ID: 86095742719"), (V{"de-tax-id=86095742719"}));
  EXPECT_EQ(Found("ref 86095742719"), V{});
  EXPECT_EQ(Found("86095742719", "steuerId"), (V{"de-tax-id=86095742719"}));
  EXPECT_EQ(Found("geboren am 12.04.1985 in Köln"), (V{"date-of-birth=12.04.1985"}));
  EXPECT_EQ(Found("created 12.04.1985"), V{});
  EXPECT_EQ(Found("1985-04-12", "dob"), (V{"date-of-birth=1985-04-12"}));
  EXPECT_EQ(Found("client ip: 81.2.69.160"), (V{"ip-address=81.2.69.160"}));
  EXPECT_EQ(Found("version 81.2.69.160"), V{});
  EXPECT_EQ(Found("81.2.69.160", "remoteIp"), (V{"ip-address=81.2.69.160"}));
  EXPECT_EQ(Found("536221234", "ssn"), (V{"us-ssn=536221234"}));
  EXPECT_EQ(Found("536221234"), V{});
  EXPECT_EQ(Found("0301234567", "phone"), (V{"phone=0301234567"}));
}

TEST(PiiScanner, QuietOnIdsHashesAndCode) {
  for (std::string_view quiet : {
           "fa6b1938-d8d8-4b5f-876f-21f36015df9e",
           "d6ad7ac63442cc0dbf08abac706572babf0bd55e82e4936161105aa2e764c12e",
           "={{ $json.body.email }}",
           "@n8n/n8n-nodes-langchain.agent",
           "https://user:s3cret@db.acme-corp.de:5432/app",
           "https://api.acme-corp.de/v1/orders/4111111111111111",
           "2024-01-15T10:30:00.000Z",
           "Invoice 2024-0001 total 1,234,567.89 EUR",
           "timestamp 1700000000000 and 1700000000001",
           "version 1.2.3.4 of the node",
           "order #12345678 shipped",
           "contact us at someone@example.com",
           "const x = 4111111111111111n;",
           "[1, 2, 3, 4, 5, 6, 7, 8, 9]",
           "icon@2x.png and logo@3x.webp",
           "abc4111111111111111",
           "price 3.14159265358979",
       }) {
    EXPECT_EQ(Found(quiet), V{}) << quiet;
  }
  EXPECT_FALSE(MayHoldPersonalData("no digits or at-signs here"));
  EXPECT_TRUE(MayHoldPersonalData("room 7"));
}

TEST(PiiScanner, OffsetsPointAtTheMatch) {
  std::string text = "x jane@acme-corp.de y";
  auto m = ScanPersonalData(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].offset, 2u);
  EXPECT_EQ(m[0].length, 17u);
}

namespace {

std::vector<std::string> Refs(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& r : FindFieldReferences(text)) {
    std::string s = r.node.empty() ? "" : r.node + ":";
    for (size_t i = 0; i < r.path.size(); ++i) s += (i ? "." : "") + r.path[i];
    if (r.whole_item) s += "*";
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST(FieldReferences, N8nExpressions) {
  EXPECT_EQ(Refs("={{ $json.email }}"), (V{"email"}));
  EXPECT_EQ(Refs("={{ $json[\"e-mail\"] }}"), (V{"e-mail"}));
  EXPECT_EQ(Refs("={{ $json.body?.phone.toLowerCase() }}"), (V{"body.phone"}));
  EXPECT_EQ(Refs("={{ $('Lead form').item.json['First name'] }}"), (V{"Lead form:First name"}));
  EXPECT_EQ(Refs("={{ $('Lead form').first().json.email }}"), (V{"Lead form:email"}));
  EXPECT_EQ(Refs("={{ $node[\"Webhook\"].json.body.email }}"), (V{"Webhook:body.email"}));
  EXPECT_EQ(Refs("={{ $input.item.json.iban }}"), (V{"iban"}));
  EXPECT_EQ(Refs("={{ JSON.stringify($json) }}"), (V{"*"}));
  EXPECT_EQ(Refs("={{ $json.body }}"), (V{"body*"}));
  EXPECT_EQ(Refs("={{ $items(\"Sheet\")[0].json.salary }}"), (V{"Sheet:salary"}));
  EXPECT_EQ(Refs("for (const item of items) { x.push(item.json.email); }"), (V{"email"}));
  EXPECT_EQ(Refs("const r = await fetch(u); return r.json();"), V{});
  EXPECT_EQ(Refs("={{ $now.toISO() }} {{ $env.API_URL }}"), V{});
  auto refs = FindFieldReferences("Hello {{ $json.properties.email.value }}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].Field(), "email");
  EXPECT_EQ(refs[0].offset, 9u);
}

TEST(FieldReferences, OtherPlatforms) {
  EXPECT_EQ(Refs("{{1.email}} and {{lower(2.`first name`)}}"), (V{"1:email", "2:first name"}));
  EXPECT_EQ(Refs("Total {{1.5}}"), V{});
  EXPECT_EQ(Refs("@triggerBody()?['email']"), (V{"#trigger:email"}));
  EXPECT_EQ(Refs("@{triggerOutputs()?['body/mobilePhone']}"), (V{"#trigger:body.mobilePhone"}));
  EXPECT_EQ(Refs("@body('Get_item')?['Email']"), (V{"Get_item:Email"}));
  EXPECT_EQ(Refs("@items('Apply_to_each')?['iban']"), (V{"Apply_to_each:iban"}));
  EXPECT_EQ(Refs("@triggerBody()"), (V{"#trigger:*"}));
  EXPECT_EQ(Refs("msg.payload.email = msg.payload.mail;"), (V{"payload.email", "payload.mail"}));
  EXPECT_EQ(Refs("Hi {{payload.firstName}}"), (V{"payload.firstName"}));
}
