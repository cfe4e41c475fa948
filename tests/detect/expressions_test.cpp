#include <gtest/gtest.h>

#include "detect/expressions.h"

using namespace fw::detect;  // NOLINT

TEST(Expressions, Recognised) {
  EXPECT_TRUE(IsExpression("={{ $json.email }}"));
  EXPECT_TRUE(IsExpression("=Bearer {{ $env.TOKEN }}"));
  EXPECT_TRUE(IsExpression("@{triggerBody()?['x']}"));
  EXPECT_FALSE(IsExpression("plain text"));
  EXPECT_FALSE(IsExpression("user@example.org"));
  EXPECT_TRUE(HasExpression("SELECT * FROM t WHERE id = {{ $json.id }}"));
}

TEST(Expressions, InputReferences) {
  EXPECT_TRUE(ExpressionReferencesInput("={{ $json.body.name }}"));
  EXPECT_TRUE(ExpressionReferencesInput("{{ $('Webhook').item.json.q }}"));
  EXPECT_TRUE(ExpressionReferencesInput("={{ $fromAI('query') }}"));
  EXPECT_FALSE(ExpressionReferencesInput("={{ $now.toISO() }}"));
  EXPECT_FALSE(ExpressionReferencesInput("={{ $env.TABLE }}"));
  EXPECT_FALSE(ExpressionReferencesInput("SELECT 1"));
}

TEST(Expressions, RequestSecretReads) {
  EXPECT_TRUE(ExpressionReadsRequestSecret("={{ $json.headers['x-api-key'] }}"));
  EXPECT_TRUE(ExpressionReadsRequestSecret("={{ $json.query.token }}"));
  EXPECT_FALSE(ExpressionReadsRequestSecret("={{ $json.body.name }}"));
  EXPECT_FALSE(ExpressionReadsRequestSecret("headers"));
}
