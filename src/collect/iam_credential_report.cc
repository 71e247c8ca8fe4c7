// The IAM credential report: GenerateCredentialReport, polled (bounded: ReportWait) until its
// State is COMPLETE, then GetCredentialReport; the base64 CSV becomes one
// `iam:credential-report` resource per row (id = the `user` column, "<root_account>" for root;
// document = the row as JSON with the CSV's column names, values kept as the report's strings:
// "N/A", "not_supported", "no_information" mean what AWS documents). A failure of any of these
// calls is one collection error for the type: every row is then unknown.
#include <thread>

#include "aws/core/encoding.h"
#include "collect/iam_internal.h"

namespace rampart::collect::iam {

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool row_open = false;  // a field has started on this line
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      row_open = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      row_open = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (row_open || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      row_open = false;
    } else {
      field += c;
      row_open = true;
    }
  }
  if (row_open || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

constexpr std::string_view kType = "iam:credential-report";

void emit_rows(CollectTask& task, const std::string& csv) {
  auto rows = parse_csv(csv);
  if (rows.empty()) return;
  const auto& header = rows.front();
  for (std::size_t i = 1; i < rows.size(); ++i) {
    Json doc = Json::object();
    for (std::size_t c = 0; c < header.size() && c < rows[i].size(); ++c) {
      doc[header[c]] = rows[i][c];
    }
    std::string user = doc.value("user", "");
    if (user.empty()) continue;
    std::string arn = doc.value("arn", "");
    task.emit(make_resource(task, kType, std::move(user), std::move(arn), std::move(doc)));
  }
}

}  // namespace

void collect_credential_report(CollectTask& task, const ReportWait& wait) {
  auto state = task.list("iam", "GenerateCredentialReport", Json::object(), kType);
  for (int i = 0; state && state->value("State", "") != "COMPLETE" && i < wait.attempts; ++i) {
    std::this_thread::sleep_for(wait.delay);
    state = task.list("iam", "GenerateCredentialReport", Json::object(), kType);
  }
  if (!state) return;
  // Not COMPLETE within the wait: GetCredentialReport says why (ReportInProgress) and that
  // becomes the collection error.
  auto report = task.list("iam", "GetCredentialReport", Json::object(), kType);
  if (!report) return;
  auto csv = aws::base64_decode(report->value("Content", ""));
  // Content that is not base64 (never seen from AWS or moto) yields no rows: CollectTask can
  // record errors only for calls, and this call itself succeeded.
  if (!csv) return;
  emit_rows(task, *csv);
}

}  // namespace rampart::collect::iam
