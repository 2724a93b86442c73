// Reading parsed JSON values; see json_value.hpp.
#include "json/json_value.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace deliberate::detail {

JsonValue JsonValue::string(std::string_view text) {
    JsonValue out;
    out.type_ = Type::string;
    out.size_ = static_cast<std::uint32_t>(text.size());
    out.chars_ = text.data();
    return out;
}

JsonValue JsonValue::array(const JsonValue* elements, std::size_t count) {
    JsonValue out;
    out.type_ = Type::array;
    out.size_ = static_cast<std::uint32_t>(count);
    out.elements_ = elements;
    return out;
}

JsonValue JsonValue::object(const JsonMember* members, std::size_t count) {
    JsonValue out;
    out.type_ = Type::object;
    out.size_ = static_cast<std::uint32_t>(count);
    out.members_ = members;
    return out;
}

const char* JsonValue::type_name() const {
    switch (type_) {
        case Type::null:
            return "null";
        case Type::boolean:
            return "boolean";
        case Type::string:
            return "string";
        case Type::array:
            return "array";
        case Type::object:
            return "object";
        default:
            return "number";
    }
}

double JsonValue::as_double() const {
    switch (type_) {
        case Type::integer:
            return static_cast<double>(integer_);
        case Type::unsigned_integer:
            return static_cast<double>(unsigned_);
        case Type::floating:
            return floating_;
        default:
            return 0;
    }
}

long long JsonValue::as_integer() const {
    switch (type_) {
        case Type::integer:
            return integer_;
        case Type::unsigned_integer:
            return static_cast<long long>(unsigned_);
        case Type::floating:
            return static_cast<long long>(floating_);
        default:
            return 0;
    }
}

std::string JsonValue::number_text() const {
    // nlohmann writes numbers as the rest of Deliberate's JSON output does.
    switch (type_) {
        case Type::integer:
            return nlohmann::json(integer_).dump();
        case Type::unsigned_integer:
            return nlohmann::json(unsigned_).dump();
        case Type::floating:
            return nlohmann::json(floating_).dump();
        default:
            return {};
    }
}

std::span<const JsonMember> JsonValue::members() const {
    return type_ == Type::object ? std::span<const JsonMember>(members_, size_)
                                 : std::span<const JsonMember>();
}

std::size_t JsonValue::size() const {
    switch (type_) {
        case Type::null:
            return 0;
        case Type::array:
        case Type::object:
            return size_;
        default:
            return 1;
    }
}

const JsonValue* JsonValue::find(std::string_view key) const {
    if (type_ != Type::object) {
        return nullptr;
    }
    // Most objects have a handful of members: a scan beats a binary search there.
    constexpr std::uint32_t scan_limit = 8;
    if (size_ <= scan_limit) {
        for (std::uint32_t i = 0; i < size_; ++i) {
            if (same_key(members_[i].key, key)) {
                return &members_[i].value;
            }
        }
        return nullptr;
    }
    const JsonMember* end = members_ + size_;
    const JsonMember* it = std::lower_bound(
        members_, end, key,
        [](const JsonMember& m, std::string_view k) { return key_before(m.key, k); });
    return it != end && same_key(it->key, key) ? &it->value : nullptr;
}

}  // namespace deliberate::detail
