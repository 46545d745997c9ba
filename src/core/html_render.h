// Static HTML from the data: the page's no-JavaScript fallback (a semantic fragment) and the
// print-ready one-page summary for a budget holder (a whole document). All text is escaped.
#pragma once

#include "calculator.h"
#include "data_dates.h"
#include "join_request.h"
#include "membership.h"

#include <string>

namespace iiifc {

std::string html_escape(const std::string& s);

// <section> with the tiers and fees, benefits, conditions, TRC rule and how to join. `today`
// decides whether the fees are said to have ended (data_dates.h).
std::string render_fallback_html(const MembershipData& data, const std::string& today = today_utc());

// A complete HTML document: institution, chosen tier, costs over the years with the assumptions,
// benefits, governance rights and how to join.
std::string render_summary_html(const MembershipData& data, const Assumptions& assumptions, const Profile& profile,
                                const JoinRequest& request, const std::string& today = today_utc());

}  // namespace iiifc
