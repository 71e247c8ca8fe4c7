// Questions about who a resource policy lets in.
//  - S3's "meaning of public" (what GetBucketPolicyStatus and Block Public Access use): an
//    Allow statement is public unless it names fixed principals, or is limited by a condition
//    that fixes one of the identifying keys (aws:SourceArn, SourceVpc(e), SourceAccount,
//    SourceOwner, PrincipalOrgID, PrincipalAccount, PrincipalArn, userid outside "ID:*",
//    s3:DataAccessPointArn/Account, the SSE-KMS key id) or aws:SourceIp to a CIDR no broader
//    than /8 (IPv4) or /32 (IPv6). Wildcards or policy variables in those values do not fix.
//  - Block Public Access applied to that: RestrictPublicBuckets and IgnorePublicAcls.
//  - Which accounts outside the owner's trust the policy grants.
#pragma once

#include <string>
#include <vector>

#include "engine/iam/policy.h"

namespace rampart::iam {

bool is_statement_public(const Statement& st);
// Indices of the public statements; empty = not public.
std::vector<std::size_t> public_statements(const Policy& policy);
inline bool is_policy_public(const Policy& policy) { return !public_statements(policy).empty(); }

struct BlockPublicAccess {
  bool block_public_acls = false;
  bool ignore_public_acls = false;
  bool block_public_policy = false;
  bool restrict_public_buckets = false;
};

struct AclGrant {
  std::string grantee_uri;  // "http://acs.amazonaws.com/groups/global/AllUsers", ...
  std::string permission;   // READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL
};

struct S3Exposure {
  bool policy_public = false;     // the policy is public by S3's definition
  bool acl_public = false;        // an ACL grants AllUsers / AuthenticatedUsers
  bool publicly_accessible = false;  // after Block Public Access is applied
  std::vector<std::size_t> public_statements;
};

// policy may be null (no bucket policy).
S3Exposure s3_exposure(const Policy* policy, const std::vector<AclGrant>& acl,
                       const BlockPublicAccess& bpa);

struct ExternalAccess {
  bool anyone = false;                   // a public statement: any account, or anonymous
  std::vector<std::string> accounts;     // 12-digit ids outside owner + trusted, sorted, unique
  std::vector<std::string> principals;   // the principal values that named them
};

// Allow statements that reach principals outside `owner_account` and `trusted_accounts`.
ExternalAccess external_access(const Policy& policy, const std::string& owner_account,
                               const std::vector<std::string>& trusted_accounts);

}  // namespace rampart::iam
