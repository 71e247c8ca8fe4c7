// A reader for the AWS shared config and credentials files, matching what the AWS CLI accepts:
// botocore reads them with Python's configparser.RawConfigParser, then splits values that start
// on the next line ("s3 =" followed by indented "key = value" lines) into sub-sections.
// Rules reproduced: full-line comments start with '#' or ';' (no inline comments: "a = b # c"
// keeps "b # c"); "key = value" or "key: value", split at the first '=' or ':'; keys are
// lower-cased, section names are not; deeper-indented lines continue the previous value;
// a [DEFAULT] section's keys apply to every section; a duplicate section or key in one file,
// a line before any section and a line without a delimiter are errors reported as
// "path:line: message".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/result.h"

namespace rampart::aws {

struct IniEntry {
  std::string value;  // continuation lines joined with '\n', trailing whitespace removed
  int line = 0;       // where the key was written
  // Set when the value starts on the next line ("s3 =\n  addressing_style = path").
  std::optional<std::map<std::string, std::string>> nested;
};

struct IniSection {
  std::string name;  // as written between the brackets
  int line = 0;
  std::map<std::string, IniEntry> entries;  // keys lower-cased

  // The value of key, or nullptr when absent.
  const std::string* get(std::string_view key) const;
};

struct IniFile {
  std::string path;
  std::vector<IniSection> sections;  // in file order; [DEFAULT] merged into each, not listed

  const IniSection* find(std::string_view name) const;
};

// Parses text; errors (kind Parse, code "ConfigParseError") name path and line.
Result<IniFile> parse_ini(std::string_view text, const std::string& path);

// Reads and parses a file; nullopt when it does not exist (an absent file is not an error).
Result<std::optional<IniFile>> read_ini_file(const std::string& path);

}  // namespace rampart::aws
