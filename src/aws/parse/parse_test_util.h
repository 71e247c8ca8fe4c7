// Test-only helpers shared by the parse tests: file loading (plain and gzip), locating
// botocore's model data, the skip list, test-name sanitizing, and normalizing parsed output
// (ISO timestamps, base64 blobs) to the forms the botocore fixtures use.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aws/core/encoding.h"
#include "aws/core/json.h"
#include "aws/core/timestamp.h"
#include "aws/model/model.h"

namespace rampart::aws::parse_test {

inline std::string shared_dir() {
  if (const char* env = std::getenv("RAMPART_SHARED")) return env;
  return RAMPART_SHARED_DIR;
}

inline std::string protocols_dir() { return shared_dir() + "/testdata/aws-protocols"; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads a .gz file with zlib (botocore ships large models gzip-compressed).
inline std::string read_gzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

inline Json read_json(const std::string& path) {
  return Json::parse(read_file(path), nullptr, /*allow_exceptions=*/false);
}

// botocore's data directory: $RAMPART_BOTOCORE_DATA, else the one found at configure time, else
// the machine's python3 botocore, else Debian's python3-botocore.
inline std::string botocore_data_dir() {
  if (const char* env = std::getenv("RAMPART_BOTOCORE_DATA")) return env;
#ifdef RAMPART_BOTOCORE_DATA
  if (std::filesystem::exists(RAMPART_BOTOCORE_DATA)) return RAMPART_BOTOCORE_DATA;
#endif
  std::string found;
  if (FILE* p = popen("python3 -c 'import botocore,os;print(os.path.dirname(botocore.__file__))' 2>/dev/null",
                      "r")) {
    char buf[4096];
    if (std::fgets(buf, sizeof buf, p) != nullptr) found = buf;
    pclose(p);
  }
  while (!found.empty() && (found.back() == '\n' || found.back() == '\r')) found.pop_back();
  if (!found.empty() && std::filesystem::exists(found + "/data")) return found + "/data";
  return "/usr/lib/python3/dist-packages/botocore/data";
}

// data/<service>/<newest api version>/service-2.json[.gz] as JSON (null when missing).
inline Json load_botocore_service(const std::string& data_dir, const std::string& service) {
  std::vector<std::string> versions;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(data_dir + "/" + service, ec)) {
    if (e.is_directory()) versions.push_back(e.path().filename().string());
  }
  std::sort(versions.begin(), versions.end());
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    std::string base = data_dir + "/" + service + "/" + *it + "/service-2.json";
    if (std::filesystem::exists(base)) return read_json(base);
    if (std::filesystem::exists(base + ".gz")) return Json::parse(read_gzip(base + ".gz"), nullptr, false);
  }
  return Json();
}

inline std::string sanitize_name(const std::string& s) {
  std::string out;
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  return out;
}

// The skip list beside the tests: {"<file>": {"<case id>": "reason"}}.
inline const Json& skips() {
  static const Json kSkips = read_json(std::string(RAMPART_SOURCE_DIR) + "/src/aws/parse/protocol_output_skips.json");
  return kSkips;
}

inline std::string skip_reason(const std::string& file, const std::string& id) {
  const Json& s = skips();
  if (!s.is_object()) return {};
  auto f = s.find(file);
  if (f == s.end() || !f->is_object()) return {};
  auto c = f->find(id);
  if (c == f->end() || !c->is_string()) return {};
  return c->get<std::string>();
}

enum class TimeForm { EpochSeconds, Iso };

// Rewrites a parsed value, guided by the model, for comparison with a botocore fixture:
// timestamps -> epoch seconds (protocol suites) or canonical ISO (response-parsing pairs);
// blobs (base64) -> the decoded bytes as a string when `decode_blobs`.
inline Json normalize(const ServiceModel& model, std::uint32_t shape_id, const Json& v, TimeForm form,
                      bool decode_blobs) {
  if (shape_id == kNoShape || v.is_null()) return v;
  const Shape& s = model.shape(shape_id);
  switch (s.type) {
    case ShapeType::Structure: {
      if (!v.is_object() || s.document) return v;
      Json out = Json::object();
      for (auto it = v.begin(); it != v.end(); ++it) {
        std::uint32_t member = kNoShape;
        for (const MemberRef& m : s.members) {
          if (m.name == it.key()) member = m.shape;
        }
        out[it.key()] = normalize(model, member, it.value(), form, decode_blobs);
      }
      return out;
    }
    case ShapeType::List: {
      if (!v.is_array()) return v;
      Json out = Json::array();
      for (const Json& item : v) out.push_back(normalize(model, s.member.shape, item, form, decode_blobs));
      return out;
    }
    case ShapeType::Map: {
      if (!v.is_object()) return v;
      Json out = Json::object();
      for (auto it = v.begin(); it != v.end(); ++it) {
        out[it.key()] = normalize(model, s.value.shape, it.value(), form, decode_blobs);
      }
      return out;
    }
    case ShapeType::Timestamp: {
      std::optional<Timestamp> t;
      if (v.is_string()) t = parse_any_timestamp(v.get<std::string>());
      if (v.is_number()) t = from_epoch(v.get<double>());
      if (!t) return v;
      if (form == TimeForm::EpochSeconds) {
        if (t->nanos == 0) return t->seconds;
        // Through decimal text so 946845296.123 compares equal to the fixture's literal.
        char buf[64];
        std::snprintf(buf, sizeof buf, "%lld.%09d", static_cast<long long>(t->seconds), t->nanos);
        return std::strtod(buf, nullptr);
      }
      return format_iso8601(*t, 9);
    }
    case ShapeType::Blob: {
      if (!decode_blobs || !v.is_string()) return v;
      auto d = base64_decode(v.get<std::string>());
      return d ? Json(*d) : v;
    }
    default:
      return v;
  }
}

}  // namespace rampart::aws::parse_test
