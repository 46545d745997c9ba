// Join: the request form, built from the data's join fields. Declared here (not only in its .cpp)
// because the headless tests read which messages the form shows.
#pragma once

#include "join_request.h"
#include "qr_code.h"
#include "view.h"

#include <set>
#include <string>
#include <vector>

namespace iiifc {

class JoinView final : public View {
public:
    const char* id() const override { return "join"; }
    const char* title() const override { return "Join"; }
    void draw(ViewContext& ctx) override;
    void commit(ViewContext& ctx) override;                 // "Form has 2 errors" when the count changes
    bool on_file_loaded(const std::string& name, const std::string& content, ViewContext& ctx) override;  // a join request file
    void reset() override;

    // The messages shown now: a field's once it was edited or left, all after a try to send.
    std::vector<FieldError> visible_errors(const JoinRequest& r, const MembershipData& data) const;

private:
    std::set<std::string> touched_;         // fields the user has edited or left
    bool send_attempted_ = false;
    std::size_t announced_errors_ = 0;
    std::string qr_payload_;                // what qr_ encodes
    QrCode qr_;
    bool field(ViewContext& ctx, const JoinField& f, const std::vector<FieldError>& errors);
    void draw_qr(const std::string& payload);
    void download_request(ViewContext& ctx);  // the join request file
};

}  // namespace iiifc
