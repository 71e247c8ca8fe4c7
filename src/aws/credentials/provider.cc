// The refresh state machine: one fetch at a time, callers decide by the time left on the
// cached credentials (see provider.h for the policy).
#include "aws/credentials/provider.h"

#include <exception>

namespace rampart::aws {
namespace {

bool same_credentials(const Credentials& a, const Credentials& b) {
  return a.access_key_id == b.access_key_id && a.session_token == b.session_token;
}

}  // namespace

RefreshingProvider::RefreshingProvider(CredentialFetcher fetch, const Clock& clock,
                                       RefreshTimings timings, std::optional<Credentials> initial)
    : fetch_(std::move(fetch)), clock_(clock), timings_(timings), current_(std::move(initial)) {}

int RefreshingProvider::fetch_count() const {
  std::lock_guard lock(mu_);
  return fetch_count_;
}

bool RefreshingProvider::expired_locked(std::chrono::system_clock::time_point now) const {
  return !current_ || (current_->expiration && *current_->expiration <= now);
}

std::optional<Error> RefreshingProvider::refresh_locked(std::unique_lock<std::mutex>& lock) {
  refreshing_ = true;
  ++fetch_count_;
  lock.unlock();
  std::optional<Result<Credentials>> fetched;
  try {
    fetched.emplace(fetch_());
  } catch (const std::exception& e) {
    fetched.emplace(make_error(ErrorKind::Internal,
                               std::string("credential fetch threw: ") + e.what()));
  } catch (...) {
    fetched.emplace(make_error(ErrorKind::Internal, "credential fetch threw"));
  }
  lock.lock();
  refreshing_ = false;
  cv_.notify_all();

  auto now = clock_.now();
  std::optional<Error> error;
  if (!fetched->ok()) {
    error = fetched->error();
  } else if ((*fetched)->expiration && *(*fetched)->expiration <= now) {
    error = make_error(ErrorKind::ExpiredCredentials,
                       "credentials were refreshed from " + (*fetched)->source +
                           " but are already expired",
                       "ExpiredToken");
  }
  if (error) {
    retry_after_ = now + timings_.retry_after_failure;
    last_error_ = error;
    return error;
  }
  current_ = std::move(**fetched);
  last_error_.reset();
  retry_after_.reset();
  // Credentials that arrive already inside the advisory window (a short IMDS lease) would
  // otherwise be refetched on every call: pace those refreshes like failures.
  if (current_->expiration && *current_->expiration - now < timings_.advisory) {
    retry_after_ = now + timings_.retry_after_failure;
  }
  return std::nullopt;
}

Result<Credentials> RefreshingProvider::get() {
  std::unique_lock lock(mu_);
  for (;;) {
    auto now = clock_.now();
    if (current_ && (!current_->expiration || *current_->expiration - now >= timings_.advisory)) {
      return *current_;  // the common case: fresh
    }
    bool expired = expired_locked(now);
    bool mandatory = expired || *current_->expiration - now < timings_.mandatory;
    bool backing_off = retry_after_ && now < *retry_after_;
    if (backing_off) {
      if (!expired) return *current_;
      if (last_error_) return *last_error_;
    }
    if (refreshing_) {
      if (!mandatory) return *current_;  // advisory: another thread refreshes, keep going
      cv_.wait(lock, [this] { return !refreshing_; });
      continue;  // re-evaluate with whatever that refresh produced
    }
    auto error = refresh_locked(lock);
    if (!error) return *current_;
    if (!expired_locked(clock_.now())) return *current_;  // keep the old ones; retry later
    return *error;
  }
}

Result<Credentials> RefreshingProvider::force_refresh(const Credentials& rejected) {
  std::unique_lock lock(mu_);
  if (refreshing_) {
    cv_.wait(lock, [this] { return !refreshing_; });
    if (current_ && !same_credentials(*current_, rejected)) return *current_;
  }
  if (current_ && !same_credentials(*current_, rejected)) return *current_;  // already replaced
  auto error = refresh_locked(lock);
  if (error) return *error;  // the old ones were rejected by AWS: do not hand them out again
  return *current_;
}

}  // namespace rampart::aws
