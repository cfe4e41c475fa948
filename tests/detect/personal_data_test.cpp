#include <gtest/gtest.h>

#include "detect/personal_data.h"

using namespace fw::detect;  // NOLINT

TEST(PersonalData, Emails) {
  EXPECT_TRUE(IsEmailAddress("jane.doe+news@acme-corp.de"));
  EXPECT_FALSE(IsEmailAddress("someone@example.com"));  // documentation domain
  EXPECT_FALSE(IsEmailAddress("not an email"));
  EXPECT_FALSE(IsEmailAddress("a@b"));
  EXPECT_FALSE(IsEmailAddress("@handle"));
}

TEST(PersonalData, Phones) {
  EXPECT_TRUE(IsPhoneNumber("+49 151 23456789"));
  EXPECT_TRUE(IsPhoneNumber("+14155550132"));
  EXPECT_TRUE(IsPhoneNumber("(415) 555-0132"));
  EXPECT_FALSE(IsPhoneNumber("1234567890"));  // bare digits: an id more often than not
  EXPECT_FALSE(IsPhoneNumber("2024.01.15"));
  EXPECT_FALSE(IsPhoneNumber("+12"));
}

TEST(PersonalData, CardsNeedLuhnAndIssuer) {
  EXPECT_TRUE(IsCardNumber("4111 1111 1111 1111"));
  EXPECT_TRUE(IsCardNumber("5555-5555-5555-4444"));
  EXPECT_FALSE(IsCardNumber("4111 1111 1111 1112"));  // Luhn fails
  EXPECT_FALSE(IsCardNumber("9111111111111111"));     // no issuer starts with 9
  EXPECT_TRUE(LuhnValid("79927398713"));
}

TEST(PersonalData, ClassifiesValues) {
  EXPECT_EQ(ClassifyPersonalValue("jane@acme.io"), PersonalKind::kEmail);
  EXPECT_EQ(ClassifyPersonalValue("4111111111111111"), PersonalKind::kCardNumber);
  EXPECT_EQ(ClassifyPersonalValue("+44 20 7946 0958"), PersonalKind::kPhone);
  EXPECT_EQ(ClassifyPersonalValue("hello"), PersonalKind::kNone);
  EXPECT_TRUE(IsIdentifierKeyName("x-datadog-trace-id"));
  EXPECT_TRUE(IsIdentifierKeyName("orderId"));
  EXPECT_FALSE(IsIdentifierKeyName("remoteJid"));
  EXPECT_FALSE(IsIdentifierKeyName("phone"));
}
