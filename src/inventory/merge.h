// Merging what several calls said about one resource (write_batch upserts, the collectors'
// sub-calls). Rules:
//   - documents: objects merge recursively; a later non-null value wins; a later null (AWS said
//     "not configured") fills a missing member but never erases a value already read;
//   - tags: per key, later wins; arn / name / account: a later non-empty value wins;
//   - unknown: entries union (later wins per attribute); an attribute the later call answered
//     (non-null, or an explicit null = absent) drops its earlier unknown entry, and an attribute
//     known (non-null) in the merged document is never unknown.
#pragma once

#include "aws/core/json.h"
#include "inventory/resource.h"

namespace rampart::inventory {

// Merges `from` into `into` by the document rule above.
void merge_json(Json& into, const Json& from);

// Merges `from` (the later description) into `into`. Identity fields (region, type, id) are
// the caller's concern.
void merge_resource(Resource& into, const Resource& from);

// Drops unknown entries for attributes that are known (non-null) in the document.
void drop_known_from_unknown(Resource& r);

}  // namespace rampart::inventory
