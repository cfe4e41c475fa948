#include "core/url.h"

#include <gtest/gtest.h>

using fw::core::ClassifyHost;
using fw::core::HostScope;
using fw::core::ParseUrl;
using fw::core::UrlParts;

TEST(Url, ParsesParts) {
  UrlParts u;
  ASSERT_TRUE(ParseUrl("https://user:pw@API.Example.com:8443/v1/x?key=1", &u));
  EXPECT_EQ(u.scheme, "https");
  EXPECT_EQ(u.userinfo, "user:pw");
  EXPECT_EQ(u.host, "api.example.com");
  EXPECT_EQ(u.port, "8443");
  EXPECT_EQ(u.path_and_query, "/v1/x?key=1");
  EXPECT_TRUE(u.host_is_literal);
}

TEST(Url, ExpressionHostIsNotLiteral) {
  UrlParts u;
  ASSERT_TRUE(ParseUrl("https://{{ $json.host }}/path", &u));
  EXPECT_FALSE(u.host_is_literal);
  EXPECT_FALSE(ParseUrl("not a url", &u));
  EXPECT_FALSE(ParseUrl("://nohost", &u));
}

TEST(Url, FindsUrlsInText) {
  auto urls = fw::core::FindUrls("=see http://a.com/x and 'https://b.org/{{ $json.id }}/y'.");
  ASSERT_EQ(urls.size(), 2u);
  EXPECT_EQ(urls[0], "http://a.com/x");
  EXPECT_EQ(urls[1], "https://b.org/{{ $json.id }}/y");
}

TEST(Url, ClassifiesHosts) {
  EXPECT_EQ(ClassifyHost("localhost"), HostScope::kLoopback);
  EXPECT_EQ(ClassifyHost("127.0.0.1"), HostScope::kLoopback);
  EXPECT_EQ(ClassifyHost("192.168.1.4"), HostScope::kPrivate);
  EXPECT_EQ(ClassifyHost("172.20.0.1"), HostScope::kPrivate);
  EXPECT_EQ(ClassifyHost("172.32.0.1"), HostScope::kPublic);
  EXPECT_EQ(ClassifyHost("ollama"), HostScope::kLocalName);
  EXPECT_EQ(ClassifyHost("printer.local"), HostScope::kLocalName);
  EXPECT_EQ(ClassifyHost("api.hubspot.com"), HostScope::kPublic);
  EXPECT_EQ(ClassifyHost("8.8.8.8"), HostScope::kPublic);
}

TEST(Url, WorkflowDefinitionLanguageHostIsAnExpression) {
  UrlParts u;
  // '@' opens the expression here; it is not a user-information separator.
  ASSERT_TRUE(ParseUrl("https://@{parameters('apiHost')}/v1/orders", &u));
  EXPECT_FALSE(u.host_is_literal);
  EXPECT_EQ(u.userinfo, "");
  EXPECT_EQ(u.path_and_query, "/v1/orders");
  // A '/' inside the expression does not end the authority.
  ASSERT_TRUE(ParseUrl("https://@{concat('api.', '/x')}/y", &u));
  EXPECT_FALSE(u.host_is_literal);
  EXPECT_EQ(u.path_and_query, "/y");
  // A literal host with an expression only in the path stays literal.
  ASSERT_TRUE(ParseUrl("https://api.example.com/@{triggerBody()?['id']}", &u));
  EXPECT_TRUE(u.host_is_literal);
  EXPECT_EQ(u.host, "api.example.com");
  // User information before an expression host is still separated.
  ASSERT_TRUE(ParseUrl("https://bot:@{variables('pw')}@@{variables('host')}/", &u));
  EXPECT_FALSE(u.host_is_literal);
}
