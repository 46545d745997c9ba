#include "data_dates.h"

#include "schedules.h"

#include <cstdio>

namespace iiifc {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int digits(const std::string& s, std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

// The same day one year later, as text: ISO dates compare correctly as strings, and
// "2025-02-29" (a year after a leap day) still sorts between 02-28 and 03-01.
std::string one_year_after(const std::string& iso) { return std::to_string(digits(iso, 0, 4) + 1) + iso.substr(4); }

}  // namespace

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d <= days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

// Civil date from days since 1970-01-01, in 400-year eras (146097 days each) that start on
// 1 March, so the leap day ends a year. Arithmetic, not gmtime/strftime: in WebAssembly those
// first read the browser's time zone (tzset), some milliseconds on the first frame.
std::string iso_date_utc(std::time_t t) {
    const long long seconds = t;
    const long long days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
    const long long z = days + 719468;  // days from 0000-03-01
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;                                       // day of era, 0..146096
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // year of era
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // day of year from 1 March
    const long long mp = (5 * doy + 2) / 153;                                     // month from March, 0..11
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", year, month, day);
    return buf;
}

std::string today_utc() { return iso_date_utc(std::time(nullptr)); }

std::string day_after(const std::string& iso) {
    if (!is_iso_date(iso)) return iso;
    auto two = [](int n) { return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10); };
    const std::string year = iso.substr(0, 4);
    const int month = digits(iso, 5, 2), day = digits(iso, 8, 2);
    const std::string next = year + "-" + two(month) + "-" + two(day + 1);
    if (is_iso_date(next)) return next;
    if (month < 12) return year + "-" + two(month + 1) + "-01";
    return std::to_string(digits(iso, 0, 4) + 1) + "-01-01";
}

std::string fee_date_warning(const MembershipData& d, const std::string& today) {
    const std::string ask = "; ask " + d.join.email + " for current fees.";
    const std::string& until = d.schedule.effective_until;
    switch (schedule_state(d.schedule, today)) {
        case ScheduleState::ended: {
            const std::size_t now = schedule_for_date(d, today);
            if (now < d.schedules.size() && schedule_state(d.schedules[now], today) == ScheduleState::in_force)
                return "These fees applied until " + until + " and are no longer in force; the fees in force today are " +
                    d.schedules[now].name + ".";
            return "These fees applied until " + until + ask;
        }
        case ScheduleState::not_yet: return "These fees apply from " + d.schedule.effective_from + "; they are not yet in force.";
        case ScheduleState::in_force: break;
    }
    if (!d.reviewed.empty() && today > one_year_after(d.reviewed))
        return "This information was last reviewed on " + d.reviewed + ", over a year ago" + ask;
    return "";
}

std::string fee_period_sentence(const Schedule& s) {
    return "Fees effective from " + s.effective_from + (s.effective_until.empty() ? "" : " until " + s.effective_until) + ".";
}

std::string data_provenance_sentence(const MembershipData& d) {
    return (d.reviewed.empty() ? "" : "Data reviewed " + d.reviewed + ". ") + "Source: " + d.source + ".";
}

}  // namespace iiifc
