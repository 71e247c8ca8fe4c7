// Generates the parse benchmark's bodies. The EC2 instance element follows the structure of the
// recorded DescribeInstances wire responses (botocore, jclouds, libcloud fixtures) plus the
// members a modern response carries (network interfaces with private IP sets, IAM profile,
// metadata options, CPU options); values vary per instance so no two items are byte-equal.
// std::mt19937_64's output sequence is fixed by the standard, so the bytes are the same on
// every run and machine (raw draws only: the <random> distributions are not portable).
#include "corpus.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <iterator>
#include <random>

namespace rampart::bench {

namespace {

constexpr std::array<const char*, 6> kTypes = {"t3.micro", "m5.large", "c6g.xlarge", "r6i.2xlarge",
                                               "m1.small", "t2.medium"};
constexpr std::array<const char*, 4> kStates = {"running", "stopped", "pending", "terminated"};
constexpr std::array<int, 4> kStateCodes = {16, 80, 0, 48};
constexpr std::array<const char*, 3> kZones = {"us-west-2a", "us-west-2b", "us-west-2c"};
constexpr std::array<const char*, 5> kTagKeys = {"Name", "env", "team", "cost-center", "app"};

class Gen {
 public:
  explicit Gen(std::uint64_t seed) : rng_(seed) {}
  std::uint64_t next() { return rng_(); }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(rng_() % n); }
  std::string hex(int digits) { return fmt::format("{:0{}x}", rng_() >> (64 - 4 * digits), digits); }
  // "2012-10-16T20:00:13.000Z" style, 2012..2024.
  std::string iso_time() {
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", 2012 + below(13), 1 + below(12),
                       1 + below(28), below(24), below(60), below(60), below(1000));
  }

 private:
  std::mt19937_64 rng_;
};

void append_instance(std::string& out, Gen& g, std::size_t n) {
  auto it = std::back_inserter(out);
  const std::uint32_t state = g.below(kStates.size());
  const std::uint32_t a = g.below(256), b = g.below(256);
  fmt::format_to(it, R"(                <item>
                    <instanceId>i-{}</instanceId>
                    <imageId>ami-{}</imageId>
                    <instanceState>
                        <code>{}</code>
                        <name>{}</name>
                    </instanceState>
                    <privateDnsName>ip-10-0-{}-{}.us-west-2.compute.internal</privateDnsName>
                    <dnsName>ec2-54-245-{}-{}.us-west-2.compute.amazonaws.com</dnsName>
                    <reason/>
                    <keyName>key-{}</keyName>
                    <amiLaunchIndex>{}</amiLaunchIndex>
                    <productCodes/>
                    <instanceType>{}</instanceType>
                    <launchTime>{}</launchTime>
                    <placement>
                        <availabilityZone>{}</availabilityZone>
                        <groupName/>
                        <tenancy>default</tenancy>
                    </placement>
                    <monitoring>
                        <state>disabled</state>
                    </monitoring>
                    <subnetId>subnet-{}</subnetId>
                    <vpcId>vpc-{}</vpcId>
                    <privateIpAddress>10.0.{}.{}</privateIpAddress>
                    <ipAddress>54.245.{}.{}</ipAddress>
                    <sourceDestCheck>true</sourceDestCheck>
                    <groupSet>
)",
                 g.hex(17), g.hex(17), kStateCodes[state], kStates[state], a, b, a, b, g.below(20),
                 n % 4, kTypes[g.below(kTypes.size())], g.iso_time(), kZones[g.below(kZones.size())],
                 g.hex(17), g.hex(17), a, b, a, b);
  const std::uint32_t groups = 1 + g.below(3);
  for (std::uint32_t i = 0; i < groups; ++i) {
    fmt::format_to(it, R"(                        <item>
                            <groupId>sg-{}</groupId>
                            <groupName>group-{}</groupName>
                        </item>
)",
                   g.hex(17), g.below(1000));
  }
  fmt::format_to(it, R"(                    </groupSet>
                    <architecture>x86_64</architecture>
                    <rootDeviceType>ebs</rootDeviceType>
                    <rootDeviceName>/dev/xvda</rootDeviceName>
                    <blockDeviceMapping>
)");
  const std::uint32_t volumes = 1 + g.below(3);
  for (std::uint32_t i = 0; i < volumes; ++i) {
    fmt::format_to(it, R"(                        <item>
                            <deviceName>/dev/xvd{}</deviceName>
                            <ebs>
                                <volumeId>vol-{}</volumeId>
                                <status>attached</status>
                                <attachTime>{}</attachTime>
                                <deleteOnTermination>{}</deleteOnTermination>
                            </ebs>
                        </item>
)",
                   static_cast<char>('a' + i), g.hex(17), g.iso_time(), i == 0 ? "true" : "false");
  }
  fmt::format_to(it, R"(                    </blockDeviceMapping>
                    <virtualizationType>hvm</virtualizationType>
                    <clientToken>token-{}</clientToken>
                    <tagSet>
)",
                 g.hex(12));
  const std::uint32_t tags = 1 + g.below(kTagKeys.size());
  for (std::uint32_t i = 0; i < tags; ++i) {
    fmt::format_to(it, R"(                        <item>
                            <key>{}</key>
                            <value>value-{}-{}</value>
                        </item>
)",
                   kTagKeys[i], n, g.hex(6));
  }
  fmt::format_to(it, R"(                    </tagSet>
                    <hypervisor>xen</hypervisor>
                    <networkInterfaceSet>
)");
  const std::uint32_t enis = 1 + g.below(2);
  for (std::uint32_t i = 0; i < enis; ++i) {
    fmt::format_to(it, R"(                        <item>
                            <networkInterfaceId>eni-{}</networkInterfaceId>
                            <subnetId>subnet-{}</subnetId>
                            <vpcId>vpc-{}</vpcId>
                            <description/>
                            <ownerId>123456789012</ownerId>
                            <status>in-use</status>
                            <macAddress>0a:{}:{}:{}:{}:{}</macAddress>
                            <privateIpAddress>10.0.{}.{}</privateIpAddress>
                            <sourceDestCheck>true</sourceDestCheck>
                            <groupSet>
                                <item>
                                    <groupId>sg-{}</groupId>
                                    <groupName>default</groupName>
                                </item>
                            </groupSet>
                            <attachment>
                                <attachmentId>eni-attach-{}</attachmentId>
                                <deviceIndex>{}</deviceIndex>
                                <status>attached</status>
                                <attachTime>{}</attachTime>
                                <deleteOnTermination>true</deleteOnTermination>
                            </attachment>
                            <privateIpAddressesSet>
                                <item>
                                    <privateIpAddress>10.0.{}.{}</privateIpAddress>
                                    <primary>true</primary>
                                </item>
                            </privateIpAddressesSet>
                            <interfaceType>interface</interfaceType>
                        </item>
)",
                   g.hex(17), g.hex(17), g.hex(17), g.hex(2), g.hex(2), g.hex(2), g.hex(2), g.hex(2), a,
                   b, g.hex(17), g.hex(17), i, g.iso_time(), a, b);
  }
  fmt::format_to(it, R"(                    </networkInterfaceSet>
                    <iamInstanceProfile>
                        <arn>arn:aws:iam::123456789012:instance-profile/profile-{}</arn>
                        <id>AIPA{}</id>
                    </iamInstanceProfile>
                    <ebsOptimized>{}</ebsOptimized>
                    <cpuOptions>
                        <coreCount>{}</coreCount>
                        <threadsPerCore>2</threadsPerCore>
                    </cpuOptions>
                    <metadataOptions>
                        <state>applied</state>
                        <httpTokens>{}</httpTokens>
                        <httpPutResponseHopLimit>{}</httpPutResponseHopLimit>
                        <httpEndpoint>enabled</httpEndpoint>
                    </metadataOptions>
                </item>
)",
                 g.below(50), g.hex(16), g.below(2) == 0 ? "true" : "false", 1 + g.below(8),
                 g.below(2) == 0 ? "required" : "optional", 1 + g.below(3));
}

}  // namespace

Corpus make_ec2_describe_instances(std::size_t min_bytes) {
  Gen g(20240601);
  Corpus c;
  c.body.reserve(min_bytes + 64 * 1024);
  c.body += R"(<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>d15d204f-fc31-4600-85d3-5c86e5483b92</requestId>
    <reservationSet>
)";
  auto it = std::back_inserter(c.body);
  while (c.body.size() < min_bytes) {
    fmt::format_to(it, R"(        <item>
            <reservationId>r-{}</reservationId>
            <ownerId>123456789012</ownerId>
            <groupSet/>
            <instancesSet>
)",
                   g.hex(17));
    const std::uint32_t instances = 1 + g.below(4);
    for (std::uint32_t i = 0; i < instances; ++i) append_instance(c.body, g, c.items++);
    c.body += "            </instancesSet>\n        </item>\n";
  }
  c.body += "    </reservationSet>\n</DescribeInstancesResponse>\n";
  return c;
}

Corpus make_secrets_list(std::size_t min_bytes) {
  Gen g(20240602);
  Corpus c;
  c.body.reserve(min_bytes + 64 * 1024);
  c.body += R"j({"SecretList":[)j";
  auto it = std::back_inserter(c.body);
  // Epoch seconds with milliseconds, as Secrets Manager sends them (1.523477145713E9 style).
  auto epoch = [&g] {
    return fmt::format("{}.{:03}", 1500000000 + g.below(200000000), g.below(1000));
  };
  while (c.body.size() < min_bytes) {
    if (c.items > 0) c.body += ',';
    const std::string name = fmt::format("prod/app-{}/db-{}", c.items, g.hex(6));
    fmt::format_to(it,
                   R"j({{"ARN":"arn:aws:secretsmanager:us-west-2:123456789012:secret:{}-{}",)j"
                   R"j("Name":"{}","Description":"Database credentials for service {}",)j"
                   R"j("KmsKeyId":"arn:aws:kms:us-west-2:123456789012:key/{}-{}-{}-{}",)j"
                   R"j("RotationEnabled":{},"RotationLambdaARN":"arn:aws:lambda:us-west-2:)j"
                   R"j(123456789012:function:rotate-{}","RotationRules":{{"AutomaticallyAfterDays":{},)j"
                   R"j("ScheduleExpression":"rate({} days)"}},"LastRotatedDate":{},)j"
                   R"j("LastChangedDate":{},"LastAccessedDate":{},"NextRotationDate":{},)j",
                   name, g.hex(6), name, c.items, g.hex(8), g.hex(4), g.hex(4), g.hex(12),
                   g.below(2) == 0 ? "true" : "false", g.below(100), 1 + g.below(90),
                   1 + g.below(90), epoch(), epoch(), epoch(), epoch());
    c.body += R"j("Tags":[)j";
    const std::uint32_t tags = 1 + g.below(kTagKeys.size());
    for (std::uint32_t i = 0; i < tags; ++i) {
      fmt::format_to(it, R"j({}{{"Key":"{}","Value":"value-{}-{}"}})j", i == 0 ? "" : ",",
                     kTagKeys[i], c.items, g.hex(6));
    }
    c.body += R"j(],"SecretVersionsToStages":{)j";
    const std::uint32_t versions = 1 + g.below(3);
    for (std::uint32_t i = 0; i < versions; ++i) {
      fmt::format_to(it, R"j({}"{}-{}-{}-{}-{}":[{}])j", i == 0 ? "" : ",", g.hex(8), g.hex(4),
                     g.hex(4), g.hex(4), g.hex(12),
                     i == 0 ? "\"AWSCURRENT\"" : (i == 1 ? "\"AWSPREVIOUS\"" : "\"AWSPENDING\""));
    }
    fmt::format_to(it, R"j(}},"CreatedDate":{},"PrimaryRegion":"us-west-2"}})j", epoch());
    ++c.items;
  }
  fmt::format_to(it, R"j(],"NextToken":"{}"}})j", g.hex(16));
  return c;
}

}  // namespace rampart::bench
