// iiifc-portal: command-line access to the membership rules engine.
//
//   iiifc-portal compare     [profile options]       every tier side by side, and a recommendation
//   iiifc-portal eligibility --type T --tier X       governance rights, the TRC what-if, the commercial cap
//   iiifc-portal join REQUEST.json [--format text|mailto|json]  the join request file the app downloads
//   iiifc-portal fallback-html                       the page's static fallback (HTML fragment)
//   iiifc-portal summary     [profile options]       the one-page summary for a budget holder (HTML)
//   iiifc-portal validate                            check the data file, print what it holds
//   iiifc-portal members import FILE.csv [--date D]  replace the members snapshot from the consortium's list
//   iiifc-portal changes OLD.json                    what --data changes compared with OLD.json (publishing)
//   iiifc-portal changes --from 2020 --to 2026       what changed between two schedules of the data file
#include "calculator.h"
#include "costs_model.h"
#include "data_changes.h"
#include "data_dates.h"
#include "data_loader.h"
#include "governance_model.h"
#include "html_render.h"
#include "schedule_changes.h"
#include "schedules.h"
#include "join_request.h"
#include "members_import.h"
#include "money_format.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace iiifc;

namespace {

const char* kUsage =
    "Usage: iiifc-portal COMMAND [options]\n"
    "\n"
    "Commands:\n"
    "  compare                 compare every tier for a profile, and recommend one\n"
    "  eligibility             governance rights for --type and --tier\n"
    "  join REQUEST.json       the email from a join request file (the app's \"Download .json\")\n"
    "  fallback-html           the static HTML fallback of the page\n"
    "  summary                 the one-page HTML summary for a budget holder\n"
    "  validate                load and check the data file\n"
    "  members import FILE.csv replace the members snapshot in the data file from a CSV\n"
    "                          (columns: name, level, and optionally founding_2015,\n"
    "                          commercial, executive_committee; see docs/maintaining.md)\n"
    "  changes OLD.json        what the data file changes compared with OLD.json\n"
    "  changes --from A --to B what changed between two schedules of the data file (e.g. 2020, 2026)\n"
    "\n"
    "Options:\n"
    "  --data FILE             membership data (default: assets/membership.json)\n"
    "  --type ID               organisation type (library, museum, company, ...)\n"
    "  --tier ID               membership tier (full, associate, ...)\n"
    "  --country CC            ISO country code, for income-group prices\n"
    "  --years N               years of commitment, 1-10 (default 1)\n"
    "  --attendees N           conference attendees a year (default 0)\n"
    "  --training-hours N      training hours a year (default 0)\n"
    "  --add-on ID             an optional add-on (repeatable)\n"
    "  --institution NAME      the institution's name (summary)\n"
    "  --want GOAL             a goal from the data's calculator_goals (repeatable), e.g.\n"
    "                          executive_vote, guaranteed_trc_seat\n"
    "  --budget AMOUNT         goal: annual budget ceiling, e.g. 5000\n"
    "  --format text|mailto|json   output of `join` (default text)\n"
    "  --date YYYY-MM-DD       the members snapshot's date (members import; default today)\n"
    "  --today YYYY-MM-DD      the date whose fee schedule is used (default: today, UTC)\n"
    "  --schedule ID           show another schedule of the data file (e.g. 2020, 2026); a join\n"
    "                          request always uses the one in force on --today\n"
    "  -h, --help              this help\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string command, data_file = "assets/membership.json", request_file, format = "text", budget, institution;
    std::string subcommand, input_file, date, today, schedule, from, to;
    Profile profile;
    Goals goals;
};

int parse_count(const std::string& flag, const std::string& value, int min, int max) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        if (used == value.size() && n >= min && n <= max) return n;
    } catch (const std::exception&) {}
    throw UsageError(flag + ": expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got \"" + value +
                     "\"");
}

// The options that take a value: each sets one field of Options from it.
struct Flag {
    const char* name;
    void (*set)(Options& o, const std::string& flag, const std::string& value);
};
const Flag kFlags[] = {
    {"--data", [](Options& o, const std::string&, const std::string& v) { o.data_file = v; }},
    {"--type", [](Options& o, const std::string&, const std::string& v) { o.profile.organisation_type = v; }},
    {"--tier", [](Options& o, const std::string&, const std::string& v) { o.profile.tier = v; }},
    {"--country", [](Options& o, const std::string&, const std::string& v) { o.profile.country = v; }},
    {"--institution", [](Options& o, const std::string&, const std::string& v) { o.institution = v; }},
    {"--years", [](Options& o, const std::string& f, const std::string& v) { o.profile.years = parse_count(f, v, kMinYears, kMaxYears); }},
    {"--attendees",
     [](Options& o, const std::string& f, const std::string& v) { o.profile.conference_attendees = parse_count(f, v, 0, 10000); }},
    {"--training-hours",
     [](Options& o, const std::string& f, const std::string& v) { o.profile.training_hours = parse_count(f, v, 0, 100000); }},
    {"--add-on", [](Options& o, const std::string&, const std::string& v) { o.profile.add_ons.push_back(v); }},
    {"--want", [](Options& o, const std::string&, const std::string& v) { o.goals.set(v, true); }},
    {"--budget", [](Options& o, const std::string&, const std::string& v) { o.budget = v; }},
    {"--format", [](Options& o, const std::string&, const std::string& v) { o.format = v; }},
    {"--date", [](Options& o, const std::string&, const std::string& v) { o.date = v; }},
    {"--today", [](Options& o, const std::string&, const std::string& v) { o.today = v; }},
    {"--schedule", [](Options& o, const std::string&, const std::string& v) { o.schedule = v; }},
    {"--from", [](Options& o, const std::string&, const std::string& v) { o.from = v; }},
    {"--to", [](Options& o, const std::string&, const std::string& v) { o.to = v; }},
};

const Flag* flag_named(const std::string& name) {
    for (const Flag& f : kFlags)
        if (name == f.name) return &f;
    return nullptr;
}

Options parse_args(int argc, char** argv) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "-h" || a == "--help") {
            o.command = "help";
            return o;
        } else if (const Flag* flag = flag_named(a)) {
            flag->set(o, a, value());
            continue;
        }
        if (!a.empty() && a[0] == '-')
            throw UsageError("unknown option " + a);
        else if (o.command.empty())
            o.command = a;
        else if (o.command == "join" && o.request_file.empty())
            o.request_file = a;
        else if (o.command == "members" && o.subcommand.empty())
            o.subcommand = a;
        else if ((o.command == "members" || o.command == "changes") && o.input_file.empty())
            o.input_file = a;
        else
            throw UsageError("unexpected argument \"" + a + "\"");
    }
    if (o.command.empty()) throw UsageError("no command given");
    if (o.today.empty())
        o.today = today_utc();
    else if (!is_iso_date(o.today))
        throw UsageError("--today: expected a date as YYYY-MM-DD, got \"" + o.today + "\"");
    return o;
}

std::string pad(const std::string& s, std::size_t width) {
    // Pads by characters, not bytes, so UTF-8 names line up.
    std::size_t chars = 0;
    for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

void check_profile(const MembershipData& d, Options& o) {
    if (!o.profile.organisation_type.empty() && !d.find_organisation_type(o.profile.organisation_type)) {
        std::string known;
        for (const OrganisationType& t : d.organisation_types) known += " " + t.id;
        throw UsageError("--type: unknown organisation type \"" + o.profile.organisation_type + "\" (known:" + known + ")");
    }
    if (o.profile.tier.empty()) o.profile.tier = d.schedule.tiers.front().id;
    if (!d.find_tier(o.profile.tier)) {
        std::string known;
        for (const Tier& t : d.schedule.tiers) known += " " + t.id;
        throw UsageError("--tier: unknown tier \"" + o.profile.tier + "\" (known:" + known + ")");
    }
    for (const std::string& id : o.profile.add_ons) {
        bool found = false;
        for (const AddOn& a : d.schedule.add_ons) found = found || a.id == id;
        if (!found) throw UsageError("--add-on: unknown add-on \"" + id + "\"");
    }
    for (const std::string& id : o.goals.wanted) {
        bool found = false;
        std::string known;
        for (const CalculatorGoal& g : d.calculator_goals) {
            found = found || g.id == id;
            known += " " + g.id;
        }
        if (!found) throw UsageError("--want: unknown goal \"" + id + "\" (known:" + known + ")");
    }
    if (!o.budget.empty()) {
        const Currency* c = d.find_currency(d.schedule.tiers.front().annual_fee.currency);
        std::int64_t amount = 0;
        if (!parse_money_input(o.budget, c ? c->minor_units : 2, amount)) throw UsageError("--budget: not an amount: \"" + o.budget + "\"");
        o.goals.annual_budget = amount;
    }
}

// The fees' end date, or a stale review, said where the fees are printed.
void print_date_warning(const MembershipData& d, const Options& o) {
    const std::string w = fee_date_warning(d, o.today);
    if (!w.empty()) std::cout << "Note: " << w << "\n\n";
}

void print_compare(const MembershipData& d, const Options& o) {
    print_date_warning(d, o);
    const CostsModel m = costs_model(d, d.assumptions, o.profile, o.goals);
    std::cout << m.caption << "\n\n" << pad("", 38);
    for (const std::string& c : m.columns) std::cout << pad(c, 16);
    std::cout << "\n";
    for (const CostRow& row : m.rows) {
        std::cout << pad(row.label, 38);
        for (const std::string& cell : row.cells) std::cout << pad(cell, 16);
        std::cout << "\n";
    }
    for (const std::string& line : m.price_lines) std::cout << line << "\n";
    std::cout << "\n" << m.recommendation.title << "\n";
    for (const std::string& reason : m.recommendation.reasons) std::cout << "  - " << reason << "\n";
}

void print_eligibility(const MembershipData& d, const Options& o) {
    const GovernanceModel m = governance_model(d, o.profile.organisation_type, o.profile.tier);
    std::cout << m.rights_heading << "\n\n";
    for (const RightRow& r : m.rights) std::cout << pad(r.name, 40) << pad(r.answer, 18) << r.reason << "\n";
    std::cout << "\n" << m.trc_heading << "\n" << m.trc_rule << "\n" << m.trc_now << "\n" << m.trc_if_joined << "\n";
    std::cout << "\n" << m.cap_heading << "\n" << m.cap << "\n" << m.type_note << "\n";
}

int run_join(const MembershipData& d, const Options& o) {
    if (o.request_file.empty()) throw UsageError("join needs a REQUEST.json file (a join request file, as the app downloads it)");
    const JoinImport imp = join_request_from_json(read_text_file(o.request_file), o.request_file, d);
    if (!imp.ok) {
        std::cerr << "iiifc-portal: " << imp.error << "\n";
        return 1;
    }
    const std::vector<FieldError> errors = validate(imp.request, d);
    if (o.format == "json") {
        std::cout << join_request_to_json(imp.request, d);
    } else if (o.format == "mailto") {
        std::cout << mailto_uri(imp.request, d) << "\n";
    } else if (o.format == "text") {
        std::cout << "To: " << d.join.email << "\nSubject: " << email_subject(imp.request, d) << "\n\n" << email_body(imp.request, d);
    } else {
        throw UsageError("--format: expected text, mailto or json, got \"" + o.format + "\"");
    }
    for (const FieldError& e : errors) std::cerr << "warning: " << e.field << ": " << e.message << "\n";
    return errors.empty() ? 0 : 3;
}

int run_members(const Options& o) {
    if (o.subcommand != "import") throw UsageError("members: expected `members import FILE.csv`");
    if (o.input_file.empty()) throw UsageError("members import needs a FILE.csv");
    const MembersImport r = import_members_csv(read_text_file(o.input_file), o.input_file, read_text_file(o.data_file), o.data_file,
                                               o.date.empty() ? o.today : o.date);
    if (!r.ok) {
        std::cerr << "iiifc-portal: " << r.error << "\nNothing was written.\n";
        return 1;
    }
    write_text_file(o.data_file, r.json_text);
    for (const std::string& line : r.summary) std::cout << line << "\n";
    std::cout << "Written to " << o.data_file << ".\n";
    return 0;
}

std::size_t schedule_named(const MembershipData& d, const std::string& flag, const std::string& key) {
    const std::size_t i = find_schedule(d, key);
    if (i < d.schedules.size()) return i;
    std::string known;
    for (const Schedule& s : d.schedules) known += " " + s.id;
    throw UsageError(flag + ": no schedule \"" + key + "\" in the data (known:" + known + ")");
}

int run_changes(const MembershipData& d, const Options& o) {
    if (!o.from.empty() || !o.to.empty()) {
        if (o.from.empty() || o.to.empty() || !o.input_file.empty())
            throw UsageError("changes: give both --from and --to (schedules of the data file), or OLD.json alone");
        const ScheduleChanges c = schedule_changes(d, schedule_named(d, "--from", o.from), schedule_named(d, "--to", o.to));
        std::cout << c.title << "\n";
        for (const ScheduleChanges::Group& g : c.groups) {
            std::cout << "\n" << g.heading << "\n";
            for (const std::string& line : g.lines) std::cout << "  - " << line << "\n";
        }
        return 0;
    }
    if (o.input_file.empty()) throw UsageError("changes needs the OLD.json to compare with, or --from and --to");
    MembershipData old = load_membership(read_text_file(o.input_file), o.input_file);
    show_schedule_for_date(old, o.today);  // like with like: each file's schedule in force on --today
    const std::vector<std::string> lines = describe_changes(old, d);
    if (lines.empty()) std::cout << "No change to fees, tiers, benefits, dates, join fields or members.\n";
    for (const std::string& line : lines) std::cout << line << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        Options o = parse_args(argc, argv);
        if (o.command == "help") {
            std::cout << kUsage;
            return 0;
        }
        if (o.command == "members") return run_members(o);
        MembershipData d = load_membership(read_text_file(o.data_file), o.data_file);
        // The schedule in force on --today; --schedule shows another, but never for a join
        // request, which is written under the fees in force.
        show_schedule_for_date(d, o.today);
        if (!o.schedule.empty() && o.command != "join") show_schedule(d, schedule_named(d, "--schedule", o.schedule));
        check_profile(d, o);
        if (o.command == "compare")
            print_compare(d, o);
        else if (o.command == "eligibility")
            print_eligibility(d, o);
        else if (o.command == "join")
            return run_join(d, o);
        else if (o.command == "changes")
            return run_changes(d, o);
        else if (o.command == "fallback-html")
            std::cout << render_fallback_html(d, o.today);
        else if (o.command == "summary") {
            JoinRequest r;
            if (const JoinField* f = d.join.field_with_autocomplete("organization")) r.at(f->id) = o.institution;
            std::cout << render_summary_html(d, d.assumptions, o.profile, r, o.today);
        } else if (o.command == "validate") {
            std::cout << o.data_file << ": schema " << d.schema_version << ", " << d.schedules.size() << " schedules (in force on "
                      << o.today << ": " << d.schedule.name << "), " << d.schedule.tiers.size() << " tiers, " << d.benefits.size()
                      << " benefits, " << d.governance.rights.size() << " rights, " << d.snapshot.members.size() << " members ("
                      << d.snapshot.date << "): valid\n";
            const std::string w = fee_date_warning(d, o.today);
            if (!w.empty()) std::cout << "Note: " << w << "\n";
        } else
            throw UsageError("unknown command \"" + o.command + "\"");
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "iiifc-portal: " << e.what() << "\nRun `iiifc-portal --help` for usage.\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "iiifc-portal: " << e.what() << "\n";
        return 1;
    }
}
