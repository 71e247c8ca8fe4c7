// `rampart export` / `rampart import` files: one scan as gzip-compressed JSON
// {"format": "rampart-snapshot/1", "scan": {...}, "resources": [...], "errors": [...]}.
// Writing streams one resource at a time through zlib's gz* API, so a large scan is never held
// twice in memory as text. Reading refuses files that are not gzip (gzread would otherwise pass
// them through), reports truncation and CRC errors from zlib, JSON errors with their byte
// offset, and a wrong format tag or missing field by name; every message names the file.
#include <zlib.h>

#include <exception>
#include <string>

#include "inventory/codec.h"
#include "inventory/store.h"

namespace rampart::inventory {

namespace {

constexpr std::string_view kFormat = "rampart-snapshot/1";

Error file_error(const std::string& path, std::string_view what, ErrorKind kind = ErrorKind::Parse,
                 std::string code = "BadSnapshot") {
  return make_error(kind, "snapshot file " + path + ": " + std::string(what), std::move(code));
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

class GzFile {
 public:
  explicit GzFile(gzFile f) : f_(f) {}
  GzFile(const GzFile&) = delete;
  GzFile& operator=(const GzFile&) = delete;
  ~GzFile() {
    if (f_ != nullptr) gzclose(f_);
  }
  gzFile get() const { return f_; }
  int close() {
    int rc = gzclose(f_);
    f_ = nullptr;
    return rc;
  }

 private:
  gzFile f_;
};

bool write_all(gzFile f, std::string_view text) {
  while (!text.empty()) {
    unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(text.size(), 1u << 30));
    int n = gzwrite(f, text.data(), chunk);
    if (n <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

Result<void> write_snapshot_file(const Snapshot& snapshot, const std::string& path) {
  GzFile f(gzopen(path.c_str(), "wb6"));
  if (f.get() == nullptr) {
    return file_error(path, "cannot create", ErrorKind::Internal, "CannotWrite");
  }
  gzbuffer(f.get(), 1u << 17);
  bool ok = write_all(f.get(), "{\"format\":\"" + std::string(kFormat) + "\",\"scan\":" +
                                   dump(to_json(snapshot.scan)) + ",\"resources\":[");
  for (std::size_t i = 0; ok && i < snapshot.resources.size(); ++i) {
    ok = write_all(f.get(), (i == 0 ? "\n" : ",\n") + dump(to_json(snapshot.resources[i])));
  }
  ok = ok && write_all(f.get(), "],\"errors\":[");
  for (std::size_t i = 0; ok && i < snapshot.errors.size(); ++i) {
    ok = write_all(f.get(), (i == 0 ? "\n" : ",\n") + dump(to_json(snapshot.errors[i])));
  }
  ok = ok && write_all(f.get(), "]}\n");
  int rc = f.close();
  if (!ok || rc != Z_OK) return file_error(path, "write failed", ErrorKind::Internal, "CannotWrite");
  return {};
}

namespace {

// zlib's description of the stream's error, without the path gzerror prefixes it with.
std::string gz_problem(gzFile f, const std::string& path) {
  int errnum = 0;
  const char* msg = gzerror(f, &errnum);
  if (errnum == Z_BUF_ERROR) return "truncated gzip data (unexpected end of file)";
  std::string text = msg != nullptr ? msg : "";
  if (text.starts_with(path + ": ")) text.erase(0, path.size() + 2);
  return "bad gzip data: " + (text.empty() ? "zlib error " + std::to_string(errnum) : text);
}

Result<std::string> read_gzip(const std::string& path) {
  GzFile f(gzopen(path.c_str(), "rb"));
  if (f.get() == nullptr) return file_error(path, "cannot open", ErrorKind::NotFound, "CannotRead");
  gzbuffer(f.get(), 1u << 17);
  std::string text;
  std::string buf(1u << 17, '\0');
  for (;;) {
    int n = gzread(f.get(), buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) return file_error(path, gz_problem(f.get(), path));
    if (n == 0) break;
    if (text.empty() && gzdirect(f.get()) != 0) return file_error(path, "not a gzip file");
    text.append(buf.data(), static_cast<std::size_t>(n));
  }
  // gzread reports a stream cut short as end of input; gzerror / gzclose say so.
  int errnum = 0;
  gzerror(f.get(), &errnum);
  if (errnum != Z_OK) return file_error(path, gz_problem(f.get(), path));
  if (text.empty() && gzdirect(f.get()) != 0) return file_error(path, "empty, not a gzip file");
  int rc = f.close();
  if (rc == Z_BUF_ERROR) return file_error(path, "truncated gzip data (unexpected end of file)");
  if (rc != Z_OK) return file_error(path, "bad gzip data (zlib error " + std::to_string(rc) + ")");
  return text;
}

}  // namespace

Result<Snapshot> read_snapshot_file(const std::string& path) {
  auto text = read_gzip(path);
  if (!text) return text.error();
  Json doc;
  try {
    doc = Json::parse(*text);
  } catch (const Json::parse_error& e) {
    return file_error(path, "bad JSON at byte " + std::to_string(e.byte) + ": " + e.what());
  } catch (const std::exception& e) {
    return file_error(path, std::string("bad JSON: ") + e.what());
  }
  if (!doc.is_object()) return file_error(path, "not a JSON object");
  auto format = doc.find("format");
  if (format == doc.end() || !format->is_string()) return file_error(path, "no \"format\" tag");
  if (*format != kFormat) {
    return file_error(path, "unsupported format \"" + format->get<std::string>() + "\" (expected " +
                                std::string(kFormat) + ")");
  }
  Snapshot snap;
  auto scan = doc.find("scan");
  if (scan == doc.end()) return file_error(path, "missing \"scan\"");
  auto info = scan_info_from_json(*scan, "scan");
  if (!info) return file_error(path, info.error().message);
  snap.scan = std::move(*info);

  auto resources = doc.find("resources");
  if (resources == doc.end() || !resources->is_array()) {
    return file_error(path, "missing \"resources\" array");
  }
  snap.resources.reserve(resources->size());
  for (std::size_t i = 0; i < resources->size(); ++i) {
    auto r = resource_from_json((*resources)[i], "resources[" + std::to_string(i) + "]");
    if (!r) return file_error(path, r.error().message);
    snap.resources.push_back(std::move(*r));
  }
  auto errors = doc.find("errors");
  if (errors == doc.end() || !errors->is_array()) return file_error(path, "missing \"errors\" array");
  for (std::size_t i = 0; i < errors->size(); ++i) {
    auto e = collection_error_from_json((*errors)[i], "errors[" + std::to_string(i) + "]");
    if (!e) return file_error(path, e.error().message);
    snap.errors.push_back(std::move(*e));
  }
  return snap;
}

}  // namespace rampart::inventory
