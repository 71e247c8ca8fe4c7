#include "aws/core/encoding.h"

#include <gtest/gtest.h>

namespace rampart::aws {
namespace {

TEST(Encoding, Base64RoundTrip) {
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_decode("Zm9vYg==").value(), "foob");
  EXPECT_FALSE(base64_decode("Zm9v!g==").has_value());
}

TEST(Encoding, UriEncodeKeepsUnreserved) {
  EXPECT_EQ(uri_encode("a b/c~d*"), "a%20b%2Fc~d%2A");
  EXPECT_EQ(uri_encode("a b/c", true), "a%20b/c");
  EXPECT_EQ(uri_decode("a%20b%2fc+d"), "a b/c+d");
  EXPECT_EQ(uri_decode("a+b", true), "a b");
}

TEST(Encoding, Sha256AndHmac) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // RFC 4231 test case 2.
  EXPECT_EQ(hex_encode(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

}  // namespace
}  // namespace rampart::aws
