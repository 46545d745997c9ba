#include "accessible_view.h"

namespace iiifc {

nlohmann::json& A11yTree::parent() { return stack_.empty() ? root_ : *stack_.back(); }

A11yTree& A11yTree::add(const char* tag, const std::string& text) {
    parent()[2].push_back(nlohmann::json::array({tag, text, nlohmann::json::array()}));
    return *this;
}

A11yTree& A11yTree::open(const char* tag, const std::string& text) {
    add(tag, text);
    stack_.push_back(&parent()[2].back());
    return *this;
}

A11yTree& A11yTree::close() {
    if (!stack_.empty()) stack_.pop_back();
    return *this;
}

A11yTree& A11yTree::table(const std::string& caption, const std::vector<std::string>& head,
                          const std::vector<std::vector<std::string>>& rows) {
    open("table");
    add("caption", caption);
    open("thead").open("tr");
    for (const std::string& h : head) add("th", h);
    close().close();
    open("tbody");
    for (const auto& row : rows) {
        open("tr");
        for (std::size_t i = 0; i < row.size(); ++i) add(i == 0 ? "th" : "td", row[i]);
        close();
    }
    close().close();
    return *this;
}

A11yTree& A11yTree::list(const std::vector<std::string>& items) {
    open("ul");
    for (const std::string& i : items) add("li", i);
    return close();
}

std::string A11yTree::json() const { return root_.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace iiifc
