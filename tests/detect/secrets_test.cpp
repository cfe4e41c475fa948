#include <gtest/gtest.h>

#include "detect/secrets.h"

using namespace fw::detect;  // NOLINT

TEST(Secrets, HeaderNames) {
  EXPECT_TRUE(IsCredentialHeaderName("Authorization"));
  EXPECT_TRUE(IsCredentialHeaderName("X-API-Key"));
  EXPECT_TRUE(IsCredentialHeaderName("PRIVATE-TOKEN"));
  EXPECT_FALSE(IsCredentialHeaderName("Content-Type"));
  EXPECT_FALSE(IsCredentialHeaderName("Idempotency-Key"));
}

TEST(Secrets, KeyNames) {
  EXPECT_TRUE(IsSecretKeyName("api_key"));
  EXPECT_TRUE(IsSecretKeyName("client_secret"));
  EXPECT_TRUE(IsSecretKeyName("accessToken"));
  EXPECT_FALSE(IsSecretKeyName("key"));        // too common outside query strings
  EXPECT_TRUE(IsSecretKeyName("key", true));   // ?key=AIza...
  EXPECT_FALSE(IsSecretKeyName("tokenizer"));
  EXPECT_TRUE(IsPasswordKeyName("Passwort"));
}

TEST(Secrets, LiteralsVersusExpressionsAndPlaceholders) {
  EXPECT_TRUE(LooksLikeLiteralSecret("Bearer 9fK2mQx7LpR4tZ8vW1nB"));
  EXPECT_TRUE(LooksLikeLiteralSecret("glpat-Xy7Qm2Lk9Rt4Vb8Nw1Zc"));
  EXPECT_FALSE(LooksLikeLiteralSecret("={{ $json.token }}"));
  EXPECT_FALSE(LooksLikeLiteralSecret("Bearer {{ $credentials.apiKey }}"));
  EXPECT_FALSE(LooksLikeLiteralSecret("YOUR_API_KEY"));
  EXPECT_FALSE(LooksLikeLiteralSecret("Bearer <token>"));
  EXPECT_FALSE(LooksLikeLiteralSecret("xxxxxxxxxxxxxxxx"));
  EXPECT_FALSE(LooksLikeLiteralSecret("Bearer undefined"));
  EXPECT_FALSE(LooksLikeLiteralSecret("short"));
  EXPECT_FALSE(LooksLikeLiteralSecret("this is a sentence of prose"));
}

TEST(Secrets, StripsAuthScheme) {
  EXPECT_EQ(StripAuthScheme("Bearer abc123"), "abc123");
  EXPECT_EQ(StripAuthScheme("basic  dXNlcjpwYXNz"), "dXNlcjpwYXNz");
  EXPECT_EQ(StripAuthScheme("abc123"), "abc123");
}

TEST(Secrets, Entropy) {
  EXPECT_LT(ShannonEntropy("aaaaaaaa"), 0.01);
  EXPECT_GT(ShannonEntropy("aZ3$kL9@qW"), 3.0);
}
