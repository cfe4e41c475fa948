#include "detect/fields.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace fw::detect;  // NOLINT

namespace {

std::string ClassOf(std::string_view name) {
  return std::string(DataClassName(ClassifyFieldName(name)));
}

}  // namespace

TEST(FieldNames, SplitsCaseStylesAndFoldsAccents) {
  using V = std::vector<std::string>;
  EXPECT_EQ(FieldNameWords("customerEMail_2"), (V{"customer", "e", "mail", "2"}));
  EXPECT_EQ(FieldNameWords("ZIPCode"), (V{"zip", "code"}));
  EXPECT_EQ(FieldNameWords("date-of-birth"), (V{"date", "of", "birth"}));
  EXPECT_EQ(FieldNameWords("Téléphone portable"), (V{"telephone", "portable"}));
  EXPECT_EQ(FieldNameWords("Straße"), (V{"strasse"}));
  EXPECT_EQ(FieldNameWords("contraseña"), (V{"contrasena"}));
  EXPECT_EQ(FieldNameWords("ÜBERWEISUNG"), (V{"uberweisung"}));
  EXPECT_EQ(FieldNameWords("icd10"), (V{"icd", "10"}));
}

TEST(FieldNames, English) {
  EXPECT_EQ(ClassOf("email"), "personal");
  EXPECT_EQ(ClassOf("emailAddress"), "personal");
  EXPECT_EQ(ClassOf("E-Mail"), "personal");
  EXPECT_EQ(ClassOf("phone_number"), "personal");
  EXPECT_EQ(ClassOf("mobilePhone"), "personal");
  EXPECT_EQ(ClassOf("first name"), "personal");
  EXPECT_EQ(ClassOf("lastName"), "personal");
  EXPECT_EQ(ClassOf("customer_name"), "personal");
  EXPECT_EQ(ClassOf("Your name"), "personal");
  EXPECT_EQ(ClassOf("dateOfBirth"), "personal");
  EXPECT_EQ(ClassOf("DOB"), "personal");
  EXPECT_EQ(ClassOf("billing_address"), "personal");
  EXPECT_EQ(ClassOf("address_line_1"), "personal");
  EXPECT_EQ(ClassOf("zipCode"), "personal");
  EXPECT_EQ(ClassOf("SSN"), "personal");
  EXPECT_EQ(ClassOf("social_security_number"), "personal");
  EXPECT_EQ(ClassOf("passport_number"), "personal");
  EXPECT_EQ(ClassOf("national_id"), "personal");
  EXPECT_EQ(ClassOf("drivers_license"), "personal");
  EXPECT_EQ(ClassOf("ip_address"), "personal");  // GDPR: an online identifier
  EXPECT_EQ(ClassOf("clientIp"), "personal");
  EXPECT_EQ(ClassOf("IBAN"), "financial");
  EXPECT_EQ(ClassOf("customerIBAN"), "financial");
  EXPECT_EQ(ClassOf("swift_code"), "financial");
  EXPECT_EQ(ClassOf("account_number"), "financial");
  EXPECT_EQ(ClassOf("cardNumber"), "financial");
  EXPECT_EQ(ClassOf("credit_card"), "financial");
  EXPECT_EQ(ClassOf("cvv"), "financial");
  EXPECT_EQ(ClassOf("exp_month"), "financial");
  EXPECT_EQ(ClassOf("card_expiry"), "financial");
  EXPECT_EQ(ClassOf("annual_salary"), "financial");
  EXPECT_EQ(ClassOf("income"), "financial");
  EXPECT_EQ(ClassOf("tax_id"), "financial");
  EXPECT_EQ(ClassOf("diagnosis"), "health");
  EXPECT_EQ(ClassOf("current_medications"), "health");
  EXPECT_EQ(ClassOf("allergies"), "health");
  EXPECT_EQ(ClassOf("bloodType"), "health");
  EXPECT_EQ(ClassOf("health_insurance_number"), "health");
  EXPECT_EQ(ClassOf("ICD10"), "health");
  EXPECT_EQ(ClassOf("password"), "credential");
  EXPECT_EQ(ClassOf("api_key"), "credential");
  EXPECT_EQ(ClassOf("accessToken"), "credential");
  EXPECT_EQ(ClassOf("client_secret"), "credential");
  EXPECT_EQ(ClassOf("email_password"), "credential");  // the stronger class wins
  EXPECT_EQ(ClassOf("title"), "public");
  EXPECT_EQ(ClassOf("description"), "public");
  EXPECT_EQ(ClassOf("product_name"), "public");
  EXPECT_EQ(ClassOf("status"), "public");
}

TEST(FieldNames, German) {
  EXPECT_EQ(ClassOf("E-Mail-Adresse"), "personal");
  EXPECT_EQ(ClassOf("Telefonnummer"), "personal");
  EXPECT_EQ(ClassOf("Handy"), "personal");
  EXPECT_EQ(ClassOf("Vorname"), "personal");
  EXPECT_EQ(ClassOf("Nachname"), "personal");
  EXPECT_EQ(ClassOf("Geburtsdatum"), "personal");
  EXPECT_EQ(ClassOf("Adresse"), "personal");
  EXPECT_EQ(ClassOf("Anschrift"), "personal");
  EXPECT_EQ(ClassOf("Straße"), "personal");
  EXPECT_EQ(ClassOf("PLZ"), "personal");
  EXPECT_EQ(ClassOf("Sozialversicherungsnummer"), "personal");
  EXPECT_EQ(ClassOf("Reisepassnummer"), "personal");
  EXPECT_EQ(ClassOf("Führerschein"), "personal");
  EXPECT_EQ(ClassOf("Kontonummer"), "financial");
  EXPECT_EQ(ClassOf("Kreditkartennummer"), "financial");
  EXPECT_EQ(ClassOf("Steuer-ID"), "financial");
  EXPECT_EQ(ClassOf("Bruttogehalt"), "financial");
  EXPECT_EQ(ClassOf("Diagnose"), "health");
  EXPECT_EQ(ClassOf("Medikamente"), "health");
  EXPECT_EQ(ClassOf("Allergien"), "health");
  EXPECT_EQ(ClassOf("Blutgruppe"), "health");
  EXPECT_EQ(ClassOf("Krankenkasse"), "health");
  EXPECT_EQ(ClassOf("Passwort"), "credential");
  EXPECT_EQ(ClassOf("Titel"), "public");
}

TEST(FieldNames, French) {
  EXPECT_EQ(ClassOf("courriel"), "personal");
  EXPECT_EQ(ClassOf("adresse e-mail"), "personal");
  EXPECT_EQ(ClassOf("téléphone"), "personal");
  EXPECT_EQ(ClassOf("Portable"), "personal");
  EXPECT_EQ(ClassOf("prénom"), "personal");
  EXPECT_EQ(ClassOf("nom de famille"), "personal");
  EXPECT_EQ(ClassOf("date de naissance"), "personal");
  EXPECT_EQ(ClassOf("code postal"), "personal");
  EXPECT_EQ(ClassOf("numéro de sécurité sociale"), "personal");
  EXPECT_EQ(ClassOf("passeport"), "personal");
  EXPECT_EQ(ClassOf("numéro de compte"), "financial");
  EXPECT_EQ(ClassOf("carte bancaire"), "financial");
  EXPECT_EQ(ClassOf("salaire"), "financial");
  EXPECT_EQ(ClassOf("diagnostic"), "health");
  EXPECT_EQ(ClassOf("médicament"), "health");
  EXPECT_EQ(ClassOf("mutuelle"), "health");
  EXPECT_EQ(ClassOf("mot de passe"), "credential");
  EXPECT_EQ(ClassOf("titre"), "public");
}

TEST(FieldNames, Spanish) {
  EXPECT_EQ(ClassOf("correo electrónico"), "personal");
  EXPECT_EQ(ClassOf("teléfono"), "personal");
  EXPECT_EQ(ClassOf("móvil"), "personal");
  EXPECT_EQ(ClassOf("apellidos"), "personal");
  EXPECT_EQ(ClassOf("nombre del cliente"), "personal");
  EXPECT_EQ(ClassOf("fecha de nacimiento"), "personal");
  EXPECT_EQ(ClassOf("dirección"), "personal");
  EXPECT_EQ(ClassOf("calle"), "personal");
  EXPECT_EQ(ClassOf("código postal"), "personal");
  EXPECT_EQ(ClassOf("DNI"), "personal");
  EXPECT_EQ(ClassOf("NIE"), "personal");
  EXPECT_EQ(ClassOf("NSS"), "personal");
  EXPECT_EQ(ClassOf("pasaporte"), "personal");
  EXPECT_EQ(ClassOf("NIF"), "financial");
  EXPECT_EQ(ClassOf("número de cuenta"), "financial");
  EXPECT_EQ(ClassOf("tarjeta"), "financial");
  EXPECT_EQ(ClassOf("salario"), "financial");
  EXPECT_EQ(ClassOf("diagnóstico"), "health");
  EXPECT_EQ(ClassOf("medicamento"), "health");
  EXPECT_EQ(ClassOf("contraseña"), "credential");
  EXPECT_EQ(ClassOf("descripción"), "public");
}

TEST(FieldNames, ClassicFalsePositivesStayQuiet) {
  EXPECT_EQ(ClassOf("email_template"), "public");
  EXPECT_EQ(ClassOf("emailTemplateId"), "public");
  EXPECT_EQ(ClassOf("mailbox_id"), "unknown");
  EXPECT_EQ(ClassOf("zip_file"), "unknown");
  EXPECT_EQ(ClassOf("phoneNumberId"), "unknown");  // WhatsApp's sender id
  EXPECT_EQ(ClassOf("sendEmail"), "unknown");
  EXPECT_EQ(ClassOf("email_verified"), "unknown");
  EXPECT_EQ(ClassOf("email_body"), "unknown");
  EXPECT_EQ(ClassOf("mail_text"), "unknown");
  EXPECT_EQ(ClassOf("server_address"), "unknown");
  EXPECT_EQ(ClassOf("mac_address"), "unknown");
  EXPECT_EQ(ClassOf("ip_range"), "unknown");
  EXPECT_EQ(ClassOf("mobile_app"), "unknown");
  EXPECT_EQ(ClassOf("token_url"), "public");
  EXPECT_EQ(ClassOf("tokenType"), "public");
  EXPECT_EQ(ClassOf("secretName"), "unknown");
  EXPECT_EQ(ClassOf("max_tokens"), "unknown");
  EXPECT_EQ(ClassOf("nextPageToken"), "unknown");
  EXPECT_EQ(ClassOf("password_policy"), "unknown");
  EXPECT_EQ(ClassOf("healthCheck"), "unknown");
  EXPECT_EQ(ClassOf("secretary"), "unknown");
  EXPECT_EQ(ClassOf("name"), "unknown");  // product, file or person: see docs
  EXPECT_EQ(ClassOf("file_name"), "unknown");
  EXPECT_EQ(ClassOf(""), "unknown");
  EXPECT_EQ(ClassifyField("email").topic, "email");
  EXPECT_EQ(ClassifyField("Geburtsdatum").topic, "date-of-birth");
  EXPECT_EQ(ClassifyField("ip_address").topic, "ip-address");
}

// docs/data-classes.md lists every word of the tables; keep them in step.
TEST(FieldNames, DocumentationListsEveryWord) {
  std::ifstream in(std::filesystem::path(FW_SOURCE_DIR) / "docs" / "data-classes.md");
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  auto documented = [&](std::string_view w) {
    return doc.find("`" + std::string(w) + "`") != std::string::npos;
  };
  for (const auto& w : FieldWordList()) EXPECT_TRUE(documented(w.text)) << w.text;
  for (auto lists : {FieldMetadataWords(), CredentialMetadataWords(), FieldFlagWords(),
                     NetworkAddressWords(), PersonNouns()}) {
    for (auto w : lists) EXPECT_TRUE(documented(w)) << w;
  }
}

TEST(FieldNames, WordListIsConsistent) {
  std::set<std::pair<std::string, int>> seen;
  for (const auto& w : FieldWordList()) {
    EXPECT_TRUE(seen.emplace(std::string(w.text), static_cast<int>(w.match)).second)
        << "duplicate " << w.text;
    for (char c : w.text) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << w.text;
    }
    EXPECT_NE(ClassifyFieldName(w.text), DataClass::kUnknown) << w.text;
  }
}
