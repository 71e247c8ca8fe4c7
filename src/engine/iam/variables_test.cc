// Policy variable substitution.
#include "engine/iam/variables.h"

#include <gtest/gtest.h>

namespace rampart::iam {
namespace {

TEST(Variables, SubstitutesFromContextAsLiteral) {
  RequestContext ctx;
  ctx.set("aws:username", "al*ce");
  auto p = substitute_variables("home/${aws:username}/*", ctx, true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->text, "home/al*ce/*");
  EXPECT_TRUE(glob_match(*p, "home/al*ce/x"));
  EXPECT_FALSE(glob_match(*p, "home/alice/x"));  // the '*' from the value is literal
}

TEST(Variables, KeyNamesAreCaseInsensitive) {
  RequestContext ctx;
  ctx.set("aws:PrincipalTag/Team", "yellow");
  auto p = substitute_variables("b-${aws:principaltag/team}", ctx, true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->text, "b-yellow");
}

TEST(Variables, DefaultsAndMissing) {
  RequestContext ctx;
  auto d = substitute_variables("b-${aws:PrincipalTag/team, 'company-wide'}", ctx, true);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->text, "b-company-wide");
  EXPECT_FALSE(substitute_variables("b-${aws:PrincipalTag/team}", ctx, true));
}

TEST(Variables, Escapes) {
  RequestContext ctx;
  auto p = substitute_variables("a${*}b${?}c${$}", ctx, true);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->text, "a*b?c$");
  EXPECT_TRUE(glob_match(*p, "a*b?c$"));
  EXPECT_FALSE(glob_match(*p, "axb?c$"));
}

TEST(Variables, DisabledMeansLiteral) {
  RequestContext ctx;
  ctx.set("aws:username", "alice");
  auto p = substitute_variables("home/${aws:username}/*", ctx, false);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->text, "home/${aws:username}/*");
}

}  // namespace
}  // namespace rampart::iam
