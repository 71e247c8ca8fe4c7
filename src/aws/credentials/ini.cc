// Line-by-line port of configparser.RawConfigParser._read (strict mode, no inline comments,
// empty lines kept inside values) plus botocore's _parse_nested for sub-sections.
#include "aws/credentials/ini.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include <fmt/format.h>

namespace rampart::aws {
namespace {

constexpr std::string_view kWhitespace = " \t\r\n\v\f";

std::string_view strip(std::string_view s) {
  auto begin = s.find_first_not_of(kWhitespace);
  if (begin == std::string_view::npos) return {};
  auto end = s.find_last_not_of(kWhitespace);
  return s.substr(begin, end - begin + 1);
}

std::string_view rstrip(std::string_view s) {
  auto end = s.find_last_not_of(kWhitespace);
  return end == std::string_view::npos ? std::string_view{} : s.substr(0, end + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Error parse_error(const std::string& path, int line, std::string_view what) {
  return make_error(ErrorKind::Parse, fmt::format("{}:{}: {}", path, line, what),
                    "ConfigParseError");
}

// A value being collected: its lines and the line number of each.
struct PendingValue {
  std::vector<std::string> lines;
  std::vector<int> line_numbers;
};

struct PendingSection {
  std::string name;
  int line = 0;
  std::vector<std::pair<std::string, PendingValue>> options;  // in order
  std::map<std::string, std::size_t> index;
};

std::string join_value(const PendingValue& v) {
  std::string out;
  for (std::size_t i = 0; i < v.lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += v.lines[i];
  }
  return std::string(rstrip(out));
}

// botocore's _parse_nested: every non-empty line is "key = value".
Result<std::map<std::string, std::string>> parse_nested(const PendingValue& v,
                                                        const std::string& path) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < v.lines.size(); ++i) {
    std::string_view line = strip(v.lines[i]);
    if (line.empty()) continue;
    auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      return parse_error(path, v.line_numbers[i],
                         "expected 'key = value' in an indented sub-section");
    }
    out[std::string(strip(line.substr(0, eq)))] = std::string(strip(line.substr(eq + 1)));
  }
  return out;
}

Result<IniEntry> finish_entry(const PendingValue& v, const std::string& path) {
  IniEntry entry;
  entry.line = v.line_numbers.front();
  entry.value = join_value(v);
  if (!entry.value.empty() && entry.value.front() == '\n') {
    auto nested = parse_nested(v, path);
    if (!nested) return nested.error();
    entry.nested = std::move(*nested);
  }
  return entry;
}

}  // namespace

const std::string* IniSection::get(std::string_view key) const {
  auto it = entries.find(std::string(key));
  return it == entries.end() ? nullptr : &it->second.value;
}

const IniSection* IniFile::find(std::string_view name) const {
  for (const auto& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Result<IniFile> parse_ini(std::string_view text, const std::string& path) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark

  std::vector<PendingSection> sections;
  PendingSection defaults{"DEFAULT", 0, {}, {}};
  PendingSection* cursect = nullptr;
  PendingValue* optvalue = nullptr;  // the option whose value continues, if any
  std::size_t indent_level = 0;
  int lineno = 0;

  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++lineno;

    std::string_view value = strip(line);
    bool comment = value.starts_with('#') || value.starts_with(';');
    if (comment || value.empty()) {
      // An empty (not comment) line inside a value is kept as an empty line of the value.
      if (!comment && optvalue != nullptr) {
        optvalue->lines.emplace_back();
        optvalue->line_numbers.push_back(lineno);
      }
      continue;
    }
    std::size_t cur_indent = line.find_first_not_of(kWhitespace);
    if (cursect != nullptr && optvalue != nullptr && cur_indent > indent_level) {
      optvalue->lines.emplace_back(value);
      optvalue->line_numbers.push_back(lineno);
      continue;
    }
    indent_level = cur_indent;
    optvalue = nullptr;

    auto close = value.rfind(']');
    if (value.front() == '[' && close != std::string_view::npos && close >= 2) {
      std::string name(value.substr(1, close - 1));
      if (name == "DEFAULT") {
        cursect = &defaults;
        continue;
      }
      for (const auto& s : sections) {
        if (s.name == name) {
          return parse_error(path, lineno, fmt::format("section [{}] already exists", name));
        }
      }
      sections.push_back(PendingSection{name, lineno, {}, {}});
      cursect = &sections.back();
      continue;
    }
    if (cursect == nullptr) {
      return parse_error(path, lineno, "file contains no section headers");
    }
    auto delim = value.find_first_of("=:");
    if (delim == std::string_view::npos) {
      return parse_error(path, lineno, "expected 'key = value', '[section]' or a comment");
    }
    std::string key = lower(rstrip(value.substr(0, delim)));
    if (key.empty()) return parse_error(path, lineno, "a key is missing before the delimiter");
    if (cursect->index.contains(key)) {
      return parse_error(path, lineno,
                         fmt::format("key '{}' already set in section [{}]", key, cursect->name));
    }
    cursect->index[key] = cursect->options.size();
    PendingValue v;
    v.lines.emplace_back(strip(value.substr(delim + 1)));
    v.line_numbers.push_back(lineno);
    cursect->options.emplace_back(key, std::move(v));
    optvalue = &cursect->options.back().second;
  }

  IniFile file;
  file.path = path;
  for (const auto& pending : sections) {
    IniSection section{pending.name, pending.line, {}};
    for (const auto& [key, v] : pending.options) {
      auto entry = finish_entry(v, path);
      if (!entry) return entry.error();
      section.entries.emplace(key, std::move(*entry));
    }
    for (const auto& [key, v] : defaults.options) {
      if (section.entries.contains(key)) continue;
      auto entry = finish_entry(v, path);
      if (!entry) return entry.error();
      section.entries.emplace(key, std::move(*entry));
    }
    file.sections.push_back(std::move(section));
  }
  return file;
}

Result<std::optional<IniFile>> read_ini_file(const std::string& path) {
  // As botocore: anything that is not a regular file counts as absent.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::optional<IniFile>{};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorKind::Parse, fmt::format("{}: could not be opened", path),
                      "ConfigParseError");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return make_error(ErrorKind::Parse, fmt::format("{}: could not be read", path),
                      "ConfigParseError");
  }
  auto parsed = parse_ini(buffer.str(), path);
  if (!parsed) return parsed.error();
  return std::optional<IniFile>(std::move(*parsed));
}

}  // namespace rampart::aws
