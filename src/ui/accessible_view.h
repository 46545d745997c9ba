// The DOM mirror of the current view, for screen readers: the canvas is pixels, so the app also
// describes what it shows as a small tree of HTML elements (headings, tables, lists, labelled
// form values and their messages). The page builds it with createElement and textContent only.
//
// Format: a node is a JSON array [tag, text, children?]; the page (library_browser.js) builds
// only tags from its allow-list.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace iiifc {

class A11yTree {
public:
    // Adds an element to the current parent; returns the tree, so calls chain.
    A11yTree& add(const char* tag, const std::string& text = "");
    A11yTree& open(const char* tag, const std::string& text = "");  // adds and descends into it
    A11yTree& close();                                               // back to the parent
    A11yTree& table(const std::string& caption, const std::vector<std::string>& head,
                    const std::vector<std::vector<std::string>>& rows);  // first cell of a row is its header
    A11yTree& list(const std::vector<std::string>& items);
    std::string json() const;

private:
    nlohmann::json root_ = nlohmann::json::array({"div", "", nlohmann::json::array()});
    std::vector<nlohmann::json*> stack_;
    nlohmann::json& parent();
};

}  // namespace iiifc
