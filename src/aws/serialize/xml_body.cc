// rest-xml bodies: a structure parameter as an XML document (pugixml). Element names are the
// members' locationNames; lists wrap their items in <member> (or the item's locationName)
// unless flattened; maps are <entry><key/><value/></entry> (flattened: one element per
// entry); xmlAttribute members become attributes of the enclosing element; xmlNamespace adds
// xmlns / xmlns:prefix. Timestamps default to ISO 8601, blobs to base64.
#include <sstream>

#include <pugixml.hpp>

#include "aws/serialize/serialize_internal.h"

namespace rampart::aws::ser {

namespace {

class XmlWriter {
 public:
  explicit XmlWriter(const ServiceModel& model) : model_(model) {}

  Result<void> write(pugi::xml_node parent, const MemberRef& ref, const Json& v,
                     const std::string& name, const std::string& path) {
    const Shape& shape = model_.shape(ref.shape);
    switch (shape.type) {
      case ShapeType::Structure: return structure(parent, ref, shape, v, name, path);
      case ShapeType::List: return list(parent, ref, shape, v, name, path);
      case ShapeType::Map: return map(parent, ref, shape, v, name, path);
      default: break;
    }
    auto text = scalar_text(model_, ref, v, path, TimestampFormat::Iso8601);
    if (!text) return text.error();
    pugi::xml_node node = parent.append_child(name.c_str());
    node.text().set(text->c_str());
    add_namespace(node, ref, shape);
    return {};
  }

 private:
  static void add_namespace(pugi::xml_node node, const MemberRef& ref, const Shape& shape) {
    XmlNamespace ns = xml_namespace(ref, shape);
    if (ns.uri.empty() && ns.prefix.empty()) return;
    std::string attr = "xmlns";
    if (!ns.prefix.empty()) attr += ":" + std::string(ns.prefix);
    node.remove_attribute(attr.c_str());
    node.append_attribute(attr.c_str()).set_value(std::string(ns.uri).c_str());
  }

  Result<void> structure(pugi::xml_node parent, const MemberRef& ref, const Shape& shape,
                         const Json& v, const std::string& name, const std::string& path) {
    if (auto r = check_container(v, shape.type, path); !r) return r;
    pugi::xml_node node = parent.append_child(name.c_str());
    add_namespace(node, ref, shape);
    for (const auto& [key, value] : v.items()) {
      const MemberRef* m = find_member(shape, key);
      if (m == nullptr) return invalid_param(member_path(path, key), "unknown member");
      if (value.is_null()) continue;
      const Shape& mshape = model_.shape(m->shape);
      std::string_view wire = wire_name(*m, mshape);
      std::string mname(wire.empty() ? std::string_view(key) : wire);
      if (m->xml_attribute) {
        auto text = scalar_text(model_, *m, value, member_path(path, key),
                                TimestampFormat::Iso8601);
        if (!text) return text.error();
        node.remove_attribute(mname.c_str());
        node.append_attribute(mname.c_str()).set_value(text->c_str());
        continue;
      }
      if (auto r = write(node, *m, value, mname, member_path(path, key)); !r) return r;
    }
    return {};
  }

  Result<void> list(pugi::xml_node parent, const MemberRef& ref, const Shape& shape,
                    const Json& v, const std::string& name, const std::string& path) {
    if (auto r = check_container(v, shape.type, path); !r) return r;
    pugi::xml_node list_node = parent;
    std::string item_name = name;
    if (!is_flattened(ref, shape)) {
      std::string_view wire = wire_name(shape.member, model_.shape(shape.member.shape));
      item_name = std::string(wire.empty() ? std::string_view("member") : wire);
      list_node = parent.append_child(name.c_str());
      add_namespace(list_node, ref, shape);
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_null()) continue;
      if (auto r = write(list_node, shape.member, v[i], item_name, index_path(path, i)); !r) {
        return r;
      }
    }
    return {};
  }

  Result<void> map(pugi::xml_node parent, const MemberRef& ref, const Shape& shape,
                   const Json& v, const std::string& name, const std::string& path) {
    if (auto r = check_container(v, shape.type, path); !r) return r;
    const bool flat = is_flattened(ref, shape);
    pugi::xml_node map_node = parent;
    if (!flat) {
      map_node = parent.append_child(name.c_str());
      add_namespace(map_node, ref, shape);
    }
    std::string_view kw = wire_name(shape.key, model_.shape(shape.key.shape));
    std::string_view vw = wire_name(shape.value, model_.shape(shape.value.shape));
    std::string key_name(kw.empty() ? std::string_view("key") : kw);
    std::string value_name(vw.empty() ? std::string_view("value") : vw);
    for (const auto& [key, value] : v.items()) {
      if (value.is_null()) continue;
      pugi::xml_node entry = map_node.append_child(flat ? name.c_str() : "entry");
      std::string value_path = member_path(path, key);
      if (auto r = write(entry, shape.key, Json(key), key_name, value_path); !r) return r;
      if (auto r = write(entry, shape.value, value, value_name, value_path); !r) return r;
    }
    return {};
  }

  const ServiceModel& model_;
};

}  // namespace

Result<std::string> xml_document(const ServiceModel& model, const MemberRef& ref,
                                 std::string_view root_name, const Json& v,
                                 const std::string& path) {
  pugi::xml_document doc;
  XmlWriter writer(model);
  if (auto r = writer.write(doc, ref, v, std::string(root_name), path); !r) return r.error();
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace rampart::aws::ser
