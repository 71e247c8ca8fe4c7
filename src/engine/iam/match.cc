// Iterative glob matching with single-star backtracking (linear in practice, no recursion, so
// hostile patterns cannot blow the stack), plus the ARN segment rules.
#include "engine/iam/match.h"

#include <cctype>

namespace rampart::iam {
namespace {

char fold(char c, bool ignore_case) {
  return ignore_case ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
}

// `q_skips_colon`: '?' does not match ':' (ARN fallback: '?' stands for one character *within*
// a segment, IAM "Resource" element page).
bool glob_impl(std::string_view p, const std::vector<bool>* lit, std::size_t lit_off,
               std::string_view t, bool ic, bool q_skips_colon = false) {
  auto is_lit = [&](std::size_t i) {
    return lit != nullptr && !lit->empty() && (*lit)[lit_off + i];
  };
  std::size_t pi = 0, ti = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*' && !is_lit(pi)) {
      star_p = pi++;
      star_t = ti;
    } else if (pi < p.size() &&
               ((p[pi] == '?' && !is_lit(pi) && !(q_skips_colon && t[ti] == ':')) ||
                fold(p[pi], ic) == fold(t[ti], ic))) {
      ++pi;
      ++ti;
    } else if (star_p != std::string_view::npos) {
      pi = star_p + 1;
      ti = ++star_t;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*' && !is_lit(pi)) ++pi;
  return pi == p.size();
}

// Splits into at most 6 fields on ':'; returns the count.
std::size_t split6(std::string_view s, std::string_view (&out)[6], std::size_t (&offs)[6]) {
  std::size_t n = 0, start = 0;
  while (n < 5) {
    const auto c = s.find(':', start);
    if (c == std::string_view::npos) break;
    offs[n] = start;
    out[n++] = s.substr(start, c - start);
    start = c + 1;
  }
  offs[n] = start;
  out[n++] = s.substr(start);
  return n;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case) {
  return glob_impl(pattern, nullptr, 0, text, ignore_case);
}

bool glob_match(const Pattern& pattern, std::string_view text, bool ignore_case) {
  return glob_impl(pattern.text, &pattern.literal, 0, text, ignore_case);
}

bool action_matches(std::string_view pattern, std::string_view action) {
  return glob_match(pattern, action, /*ignore_case=*/true);
}

bool arn_matches(const Pattern& pattern, std::string_view arn) {
  const std::string_view p = pattern.text;
  const bool any_lit = !pattern.literal.empty();
  if (p == "*" && !(any_lit && pattern.literal[0])) return true;
  std::string_view ps[6], ts[6];
  std::size_t po[6], to[6];
  const auto pn = split6(p, ps, po);
  const auto tn = split6(arn, ts, to);
  // Fewer segments than an ARN: a trailing '*' of a segment may run past ':' (IAM "Resource"
  // element page), so match the whole text, but a '?' never stands for a separator.
  if (pn != 6 || tn != 6) return glob_impl(p, &pattern.literal, 0, arn, false, true);
  for (std::size_t i = 0; i < 6; ++i) {
    if (!glob_impl(ps[i], &pattern.literal, po[i], ts[i], false)) return false;
  }
  return true;
}

bool arn_matches(std::string_view pattern, std::string_view arn) {
  return arn_matches(Pattern{std::string(pattern), {}}, arn);
}

bool parse_arn(std::string_view text, Arn& out) {
  std::string_view f[6];
  std::size_t o[6];
  if (split6(text, f, o) != 6 || f[0] != "arn") return false;
  out = Arn{std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4]),
            std::string(f[5])};
  return true;
}

bool has_wildcard(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

}  // namespace rampart::iam
