// The INI reader against the rules of Python's RawConfigParser as botocore uses it.
#include "aws/credentials/ini.h"

#include <gtest/gtest.h>

#include "aws/credentials/test_support.h"

namespace rampart::aws {
namespace {

IniFile parse_ok(std::string_view text) {
  auto parsed = parse_ini(text, "/tmp/config");
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? *parsed : IniFile{};
}

TEST(Ini, SectionsKeysAndWhitespace) {
  IniFile f = parse_ok(
      "[default]\n"
      "  Output=json  \n"
      "  AWS_Access_Key_ID\t:\tAKIDEXAMPLE\n"
      "region = us-east-1\n"
      "  more\n"
      "[profile Dev]\n"
      "region=eu-west-1\n");
  ASSERT_EQ(f.sections.size(), 2u);
  const IniSection* d = f.find("default");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(*d->get("output"), "json");  // keys are lower-cased, values stripped
  EXPECT_EQ(*d->get("aws_access_key_id"), "AKIDEXAMPLE");  // ':' is a delimiter too
  EXPECT_EQ(d->get("Output"), nullptr);
  // A deeper-indented line continues the value above it.
  EXPECT_EQ(*d->get("region"), "us-east-1\nmore");
  EXPECT_EQ(f.find("profile dev"), nullptr);  // section names keep their case
  ASSERT_NE(f.find("profile Dev"), nullptr);
  EXPECT_EQ(f.find("profile Dev")->line, 6);
}

TEST(Ini, IndentedKeysAfterAKeyAreContinuations) {
  IniFile f = parse_ok("[default]\nregion = us-east-1\n  output = json\n");
  const IniSection* d = f.find("default");
  EXPECT_EQ(*d->get("region"), "us-east-1\noutput = json");
  EXPECT_EQ(d->get("output"), nullptr);
}

TEST(Ini, CommentsAreWholeLinesOnly) {
  IniFile f = parse_ok(
      "# leading comment\n"
      "; another\n"
      "[default]\n"
      "   # indented comment\n"
      "region = us-west-2 # not a comment\n"
      "output = json ; neither\n");
  const IniSection* d = f.find("default");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(*d->get("region"), "us-west-2 # not a comment");
  EXPECT_EQ(*d->get("output"), "json ; neither");
  EXPECT_EQ(d->entries.size(), 2u);
}

TEST(Ini, FirstDelimiterSplitsAndValueMayContainDelimiters) {
  IniFile f = parse_ok(
      "[default]\n"
      "endpoint_url = http://localhost:4566/path?a=b\n"
      "empty =\n"
      "credential_process = /bin/echo a=b\n");
  const IniSection* d = f.find("default");
  EXPECT_EQ(*d->get("endpoint_url"), "http://localhost:4566/path?a=b");
  EXPECT_EQ(*d->get("empty"), "");
  EXPECT_EQ(*d->get("credential_process"), "/bin/echo a=b");
}

TEST(Ini, NestedSubSection) {
  IniFile f = parse_ok(
      "[profile dev]\n"
      "s3 =\n"
      "    max_concurrent_requests = 20\n"
      "    # a comment inside\n"
      "\n"
      "    Addressing_Style = path\n"
      "region = eu-central-1\n");
  const IniSection* s = f.find("profile dev");
  ASSERT_NE(s, nullptr);
  const IniEntry& s3 = s->entries.at("s3");
  ASSERT_TRUE(s3.nested.has_value());
  EXPECT_EQ(s3.nested->size(), 2u);
  EXPECT_EQ(s3.nested->at("max_concurrent_requests"), "20");
  EXPECT_EQ(s3.nested->at("Addressing_Style"), "path");  // nested keys keep their case
  EXPECT_EQ(*s->get("region"), "eu-central-1");
}

TEST(Ini, ContinuationOfAValueThatStartsOnItsLine) {
  IniFile f = parse_ok(
      "[default]\n"
      "key = first\n"
      "   second\n"
      "   [not a section]\n"
      "other = x\n");
  const IniSection* d = f.find("default");
  EXPECT_EQ(*d->get("key"), "first\nsecond\n[not a section]");
  EXPECT_FALSE(d->entries.at("key").nested.has_value());
  EXPECT_EQ(*d->get("other"), "x");
  EXPECT_EQ(f.sections.size(), 1u);
}

TEST(Ini, DefaultSectionAppliesToAll) {
  IniFile f = parse_ok(
      "[DEFAULT]\n"
      "region = us-east-2\n"
      "[a]\n"
      "output = text\n"
      "[b]\n"
      "region = ap-south-1\n");
  ASSERT_EQ(f.sections.size(), 2u);
  EXPECT_EQ(*f.find("a")->get("region"), "us-east-2");
  EXPECT_EQ(*f.find("b")->get("region"), "ap-south-1");
  EXPECT_EQ(f.find("DEFAULT"), nullptr);
}

TEST(Ini, CrLfBomAndHeaderText) {
  IniFile f = parse_ok("\xEF\xBB\xBF[default]\r\nregion = us-east-1\r\n[x] trailing\r\na=1\r\n");
  ASSERT_NE(f.find("default"), nullptr);
  EXPECT_EQ(*f.find("default")->get("region"), "us-east-1");
  ASSERT_NE(f.find("x"), nullptr);  // text after ']' is ignored, as configparser's regex does
}

struct BadCase {
  const char* name;
  const char* text;
  int line;
  const char* needle;
};
// Readable names in gtest failure output.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }


class IniErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(IniErrors, ReportFileAndLine) {
  const BadCase& c = GetParam();
  auto parsed = parse_ini(c.text, "/home/u/.aws/config");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().kind, ErrorKind::Parse);
  EXPECT_EQ(parsed.error().code, "ConfigParseError");
  const std::string& msg = parsed.error().message;
  EXPECT_EQ(msg.rfind("/home/u/.aws/config:" + std::to_string(c.line) + ": ", 0), 0u) << msg;
  EXPECT_NE(msg.find(c.needle), std::string::npos) << msg;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, IniErrors,
    ::testing::Values(
        BadCase{"KeyBeforeSection", "# c\nregion = x\n[default]\n", 2, "no section headers"},
        BadCase{"NoDelimiter", "[default]\nregion = a\njust words\n", 3, "key = value"},
        BadCase{"EmptySectionName", "[default]\n[]\n", 2, "key = value"},
        BadCase{"DuplicateSection", "[a]\nx=1\n[b]\n[a]\n", 4, "section [a] already exists"},
        BadCase{"DuplicateKeyAnyCase", "[a]\nRegion=1\nregion=2\n", 3, "key 'region'"},
        BadCase{"MissingKey", "[a]\n= value\n", 2, "key is missing"},
        BadCase{"NestedLineWithoutEquals", "[a]\ns3 =\n  addressing_style = path\n  junk\n", 4,
                "sub-section"}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST(Ini, MissingFileIsAbsentNotError) {
  testing::TempDir dir;
  auto r = read_ini_file(dir.path("nope"));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
  auto d = read_ini_file(dir.path(""));  // a directory counts as absent, as in botocore
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->has_value());
}

TEST(Ini, ReadsFileAndNamesItInErrors) {
  testing::TempDir dir;
  std::string good = dir.write("good", "[default]\nregion = us-east-1\n");
  auto r = read_ini_file(good);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->path, good);
  std::string bad = dir.write("bad", "[default]\n\nbroken line\n");
  auto e = read_ini_file(bad);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message.rfind(bad + ":3:", 0), 0u) << e.error().message;
}

}  // namespace
}  // namespace rampart::aws
