// A parsed JSON value as the loaders read it: read-only and compact, so that building a tree
// and throwing it away costs little. Strings and children live in the JsonDocument (see
// json_document.hpp) that holds the value, and die with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace deliberate::detail {

struct JsonMember;

class JsonValue {
  public:
    JsonValue() = default;
    explicit JsonValue(bool value) : type_(Type::boolean) { boolean_ = value; }
    explicit JsonValue(std::int64_t value) : type_(Type::integer) { integer_ = value; }
    explicit JsonValue(std::uint64_t value) : type_(Type::unsigned_integer) { unsigned_ = value; }
    explicit JsonValue(double value) : type_(Type::floating) { floating_ = value; }
    // The characters and children are not copied: they must outlive the value.
    static JsonValue string(std::string_view text);
    static JsonValue array(const JsonValue* elements, std::size_t count);
    // `members` sorted by key, each key once.
    static JsonValue object(const JsonMember* members, std::size_t count);

    bool is_null() const { return type_ == Type::null; }
    bool is_boolean() const { return type_ == Type::boolean; }
    bool is_number() const {
        return type_ == Type::integer || type_ == Type::unsigned_integer || type_ == Type::floating;
    }
    bool is_number_integer() const {
        return type_ == Type::integer || type_ == Type::unsigned_integer;
    }
    bool is_string() const { return type_ == Type::string; }
    bool is_array() const { return type_ == Type::array; }
    bool is_object() const { return type_ == Type::object; }
    // "null", "boolean", "number", "string", "array" or "object".
    const char* type_name() const;

    // The scalars: false, 0 or "" for a value of another type (numbers convert between their
    // kinds, as static_cast does).
    bool as_bool() const { return type_ == Type::boolean && boolean_; }
    double as_double() const;
    long long as_integer() const;
    std::string_view as_string() const {
        return type_ == Type::string ? std::string_view(chars_, size_) : std::string_view();
    }
    // A number as JSON writes it, e.g. in a diagnostic.
    std::string number_text() const;

    // The members of an object, in the order of their keys; empty for any other value.
    std::span<const JsonMember> members() const;
    // An array's elements or an object's members; 0 for null and 1 for any other scalar.
    std::size_t size() const;
    bool empty() const { return size() == 0; }
    // An element of an array; `index` below size().
    const JsonValue& operator[](std::size_t index) const { return elements_[index]; }
    // The member named `key` of an object; null when there is none or this is no object.
    const JsonValue* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }

  private:
    enum class Type : std::uint8_t {
        null,
        boolean,
        integer,           // negative whole numbers
        unsigned_integer,  // whole numbers from 0
        floating,
        string,
        array,
        object
    };

    Type type_ = Type::null;
    std::uint32_t size_ = 0;  // of a string, an array or an object
    union {
        std::uint64_t unsigned_ = 0;
        std::int64_t integer_;
        double floating_;
        bool boolean_;
        const char* chars_;
        const JsonValue* elements_;
        const JsonMember* members_;
    };
};

struct JsonMember {
    std::string_view key;
    JsonValue value;
};

// Keys compared as std::string_view compares them, but without a call into the library when
// their first letters already differ, as they mostly do.
inline bool same_key(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}
inline bool key_before(std::string_view a, std::string_view b) {
    if (!a.empty() && !b.empty() && a[0] != b[0]) {
        return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
    }
    return a < b;
}

}  // namespace deliberate::detail
