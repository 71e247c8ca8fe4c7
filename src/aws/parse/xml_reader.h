// Shape-driven reading of XML response bodies (query, ec2, rest-xml). Element names are matched
// without their namespace prefix; each element's children are walked once and dispatched to
// members through a per-shape name index built on first use, so large responses (50 MB
// DescribeInstances) parse in linear time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "aws/core/json.h"
#include "aws/model/model.h"
#include "aws/parse/scalar.h"

namespace rampart::aws::parse_internal {

// "ns:Name" -> "Name".
std::string_view local_name(const char* name);

// The element's own text (text and CDATA before/between child elements; "" when empty).
std::string element_text(pugi::xml_node node);

// Parses `body` into `doc`; on failure returns false with a description in `why`.
bool load_xml(const std::string& body, pugi::xml_document& doc, std::string& why);

class XmlReader {
 public:
  explicit XmlReader(const ServiceModel& model) : model_(model) {}

  // Reads the value of `ref`'s shape from `node` into `out`.
  bool read(const MemberRef& ref, pugi::xml_node node, Json& out);
  // Reads a structure's body members (not header/status members) from `node`'s children.
  bool read_structure(std::uint32_t shape_id, pugi::xml_node node, Json& out);

  const ParseFailure& failure() const { return failure_; }

 private:
  enum class Kind : std::uint8_t { Plain, FlatList, FlatMap };
  struct Entry {
    std::uint32_t member = 0;
    Kind kind = Kind::Plain;
  };
  struct StructIndex {
    std::unordered_map<std::string_view, Entry> by_name;
    std::vector<std::uint32_t> attributes;  // xmlAttribute members
  };

  const StructIndex& index(std::uint32_t shape_id);
  bool read_list(const Shape& list, bool flattened, pugi::xml_node node, Json& out);
  bool read_map_entry(const Shape& map, pugi::xml_node entry, Json& out);
  std::string_view wire_name(const MemberRef& ref) const;

  const ServiceModel& model_;
  std::unordered_map<std::uint32_t, std::unique_ptr<StructIndex>> indexes_;
  ParseFailure failure_;
  int depth_ = 0;
};

}  // namespace rampart::aws::parse_internal
