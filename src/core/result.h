// Status and Result<T>: the one error type for expected failures (bad input,
// missing file). Cheap on success; exceptions never cross a module's API.
// Thread-safety: plain values, safe to copy between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/diagnostic.h"

namespace fw::core {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(Diagnostic diagnostic) { return Status(std::move(diagnostic)); }
  static Status InvalidInput(std::string file, std::string message, uint32_t line = 0,
                             uint32_t column = 0) {
    return Status(Diagnostic{std::move(file), line, column, std::move(message)});
  }
  static Status NotFound(std::string file, std::string message) {
    return Status(Diagnostic{std::move(file), 0, 0, std::move(message)});
  }

  bool ok() const { return !error_.has_value(); }
  const Diagnostic& error() const { return *error_; }  // REQUIRES: !ok()

 private:
  explicit Status(Diagnostic diagnostic) : error_(std::move(diagnostic)) {}
  std::optional<Diagnostic> error_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }  // REQUIRES: ok()
  T& value() & { return std::get<T>(data_); }             // REQUIRES: ok()
  T&& value() && { return std::get<T>(std::move(data_)); }
  const Diagnostic& error() const { return std::get<Status>(data_).error(); }  // REQUIRES: !ok()
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace fw::core
