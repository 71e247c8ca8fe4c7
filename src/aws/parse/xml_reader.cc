// XML body reader. botocore semantics (parsers.py, BaseXMLResponseParser), restated:
//  - a structure's members are found among the element's children by wire name: the member's
//    locationName, else the member name; a flattened list's items may also carry its list
//    member's locationName (botocore models); header/statusCode members are not in the body, but uri and
//    querystring members are (a structure shared by input and output);
//  - a wrapped list is every child element of the wrapper (<member>, <item>, custom names);
//    a flattened list is the repeated elements themselves;
//  - a map is <entry><key/><value/></entry> (custom key/value names), or flattened entries;
//  - xmlAttribute members come from the element's attributes;
//  - unknown elements are ignored; the first of repeated non-list elements wins.
#include "aws/parse/xml_reader.h"

namespace rampart::aws::parse_internal {

namespace {

constexpr int kMaxDepth = 128;

// "[i]": a list position in a failure path.
std::string index_step(std::size_t i) { return "[" + std::to_string(i) + "]"; }

}  // namespace

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string element_text(pugi::xml_node node) {
  pugi::xml_node first = node.first_child();
  if (!first) return {};
  if ((first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata) && !first.next_sibling()) {
    return first.value();
  }
  std::string text;
  for (pugi::xml_node c = first; c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  }
  return text;
}

bool load_xml(const std::string& body, pugi::xml_document& doc, std::string& why) {
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result r = doc.load_buffer(body.data(), body.size(), options, pugi::encoding_utf8);
  if (!r) {
    why = std::string("invalid XML (") + r.description() + " at byte " + std::to_string(r.offset) + ")";
    return false;
  }
  if (!doc.document_element()) {
    why = "invalid XML (no root element)";
    return false;
  }
  return true;
}

// A shape's own locationName names it only as a document root (rest-xml payloads), never as a
// member: <nested> stays <nested> even when its shape is called <Hello> (Smithy xmlName).
std::string_view XmlReader::wire_name(const MemberRef& ref) const {
  return ref.location_name.empty() ? ref.name : ref.location_name;
}

const XmlReader::StructIndex& XmlReader::index(std::uint32_t shape_id) {
  auto it = indexes_.find(shape_id);
  if (it != indexes_.end()) return *it->second;
  auto idx = std::make_unique<StructIndex>();
  const Shape& s = model_.shape(shape_id);
  for (std::uint32_t i = 0; i < s.members.size(); ++i) {
    const MemberRef& m = s.members[i];
    if (is_metadata_location(m.location)) continue;
    if (m.xml_attribute) {
      idx->attributes.push_back(i);
      continue;
    }
    const Shape& ms = model_.shape(m.shape);
    bool flat = m.flattened || ms.flattened;
    Entry e{i, Kind::Plain};
    std::string_view name = wire_name(m);
    if (flat && ms.type == ShapeType::List) {
      e.kind = Kind::FlatList;
      // botocore-converted models name flattened items on the list member (SQS <QueueUrl>);
      // Smithy names them after the structure member. Accept both.
      if (!ms.member.location_name.empty() && ms.member.location_name != name) {
        idx->by_name.emplace(ms.member.location_name, e);
      }
    } else if (flat && ms.type == ShapeType::Map) {
      e.kind = Kind::FlatMap;
    }
    idx->by_name.emplace(name, e);
  }
  const StructIndex& ref = *idx;
  indexes_.emplace(shape_id, std::move(idx));
  return ref;
}

bool XmlReader::read_structure(std::uint32_t shape_id, pugi::xml_node node, Json& out) {
  const Shape& s = model_.shape(shape_id);
  const StructIndex& idx = index(shape_id);
  out = Json::object();
  std::string_view unknown_tag;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view tag = local_name(child.name());
    auto it = idx.by_name.find(tag);
    if (it == idx.by_name.end()) {
      if (unknown_tag.empty()) unknown_tag = tag;
      continue;
    }
    const MemberRef& m = s.members[it->second.member];
    const std::string key(m.name);
    bool ok = true;
    switch (it->second.kind) {
      case Kind::Plain: {
        auto [slot, fresh] = out.emplace(key, nullptr);
        if (!fresh) break;  // repeated element: the first wins
        ok = read(m, child, slot.value());
        break;
      }
      case Kind::FlatList: {
        Json& list = out[key];
        if (!list.is_array()) list = Json::array();
        const Shape& ls = model_.shape(m.shape);
        Json item;
        ok = read(ls.member, child, item);
        if (ok) {
          list.push_back(std::move(item));
        } else {
          failure_.enter(index_step(list.size()));
        }
        break;
      }
      case Kind::FlatMap: {
        Json& map = out[key];
        if (!map.is_object()) map = Json::object();
        ok = read_map_entry(model_.shape(m.shape), child, map);
        break;
      }
    }
    if (!ok) {
      failure_.enter(m.name);
      return false;
    }
  }
  for (std::uint32_t i : idx.attributes) {
    const MemberRef& m = s.members[i];
    std::string_view name = wire_name(m);
    pugi::xml_attribute attr = node.attribute(std::string(name).c_str());
    if (!attr) {
      // Same attribute under another namespace prefix: match on the local part.
      std::string_view want = name.substr(name.find(':') + 1);  // npos + 1 == 0: no prefix
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        if (local_name(a.name()) == want) {
          attr = a;
          break;
        }
      }
    }
    if (!attr) continue;
    Json value;
    if (!scalar_from_text(model_.shape(m.shape).type, attr.value(), value, failure_)) {
      failure_.enter(m.name);
      return false;
    }
    out[std::string(m.name)] = std::move(value);
  }
  if (s.is_union) {
    if (out.size() > 1) {
      failure_.what = "union " + std::string(s.name) + " has more than one member set";
      return false;
    }
    if (out.empty() && !unknown_tag.empty()) {
      out = Json{{"SDK_UNKNOWN_MEMBER", {{"name", std::string(unknown_tag)}}}};
    }
  }
  return true;
}

bool XmlReader::read_list(const Shape& list, bool flattened, pugi::xml_node node, Json& out) {
  out = Json::array();
  if (flattened) {
    // A flattened list reached directly (not through its parent structure): the node is one item.
    Json item;
    if (!read(list.member, node, item)) return false;
    out.push_back(std::move(item));
    return true;
  }
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    Json item;
    if (!read(list.member, child, item)) {
      failure_.enter(index_step(out.size()));
      return false;
    }
    out.push_back(std::move(item));
  }
  return true;
}

bool XmlReader::read_map_entry(const Shape& map, pugi::xml_node entry, Json& out) {
  std::string_view key_name = wire_name(map.key);
  std::string_view value_name = wire_name(map.value);
  if (key_name.empty()) key_name = "key";
  if (value_name.empty()) value_name = "value";
  pugi::xml_node key_node, value_node;
  for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view tag = local_name(c.name());
    if (tag == key_name && !key_node) key_node = c;
    else if (tag == value_name && !value_node) value_node = c;
  }
  if (!key_node) return true;  // an entry without a key carries nothing addressable
  std::string key = element_text(key_node);
  Json value;  // null when <value> is absent
  if (value_node && !read(map.value, value_node, value)) {
    failure_.enter(key);
    return false;
  }
  out[key] = std::move(value);
  return true;
}

bool XmlReader::read(const MemberRef& ref, pugi::xml_node node, Json& out) {
  if (ref.shape == kNoShape) {
    out = Json::object();
    return true;
  }
  const Shape& s = model_.shape(ref.shape);
  if (++depth_ > kMaxDepth) {
    --depth_;
    failure_.what = "XML nested deeper than " + std::to_string(kMaxDepth) + " levels";
    return false;
  }
  bool ok = true;
  switch (s.type) {
    case ShapeType::Structure:
      ok = read_structure(ref.shape, node, out);
      break;
    case ShapeType::List:
      ok = read_list(s, ref.flattened || s.flattened, node, out);
      break;
    case ShapeType::Map: {
      out = Json::object();
      if (ref.flattened || s.flattened) {
        ok = read_map_entry(s, node, out);
        break;
      }
      for (pugi::xml_node entry = node.first_child(); entry && ok; entry = entry.next_sibling()) {
        if (entry.type() == pugi::node_element) ok = read_map_entry(s, entry, out);
      }
      break;
    }
    default: {
      pugi::xml_node first = node.first_child();
      if (first && !first.next_sibling() &&
          (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata)) {
        ok = scalar_from_text(s.type, first.value(), out, failure_);  // common case: no copy
      } else {
        ok = scalar_from_text(s.type, element_text(node), out, failure_);
      }
      break;
    }
  }
  --depth_;
  return ok;
}

}  // namespace rampart::aws::parse_internal
