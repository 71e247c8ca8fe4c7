// ${...} scanning. A reference runs to the first '}'; inside, an optional ", 'default'" part
// gives the value used when the key is absent.
#include "engine/iam/variables.h"

#include <string>

namespace rampart::iam {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void append(Pattern& p, std::string_view s, bool literal) {
  p.text.append(s);
  p.literal.insert(p.literal.end(), s.size(), literal);
}

}  // namespace

std::optional<Pattern> substitute_variables(std::string_view text, const RequestContext& ctx,
                                            bool enabled) {
  Pattern out;
  if (!enabled || text.find("${") == std::string_view::npos) {
    out.text = std::string(text);
    return out;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const auto start = text.find("${", i);
    if (start == std::string_view::npos) {
      append(out, text.substr(i), false);
      break;
    }
    const auto end = text.find('}', start + 2);
    if (end == std::string_view::npos) {
      append(out, text.substr(i), false);
      break;
    }
    append(out, text.substr(i, start - i), false);
    std::string_view body = trim(text.substr(start + 2, end - start - 2));
    if (body == "*" || body == "?" || body == "$") {
      append(out, body, true);
    } else {
      std::optional<std::string_view> fallback;
      if (const auto comma = body.find(','); comma != std::string_view::npos) {
        auto d = trim(body.substr(comma + 1));
        if (d.size() >= 2 && d.front() == '\'' && d.back() == '\'') d = d.substr(1, d.size() - 2);
        fallback = d;
        body = trim(body.substr(0, comma));
      }
      const ContextValue* v = ctx.find(body);
      if (v != nullptr && v->values.size() == 1) {
        append(out, v->values.front(), true);
      } else if (fallback) {
        append(out, *fallback, true);
      } else {
        return std::nullopt;
      }
    }
    i = end + 1;
  }
  return out;
}

}  // namespace rampart::iam
