#include "members_import.h"

#include "data_dates.h"
#include "data_loader.h"
#include "eligibility.h"
#include "json_locate.h"
#include "text_utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace iiifc {

namespace {

// [SECTION] CSV (RFC 4180: quoted cells, "" inside quotes, LF or CRLF, an optional UTF-8 BOM)

struct CsvRow {
    int line = 0;                     // where the row starts
    std::vector<std::string> cells;
};

struct CsvProblem {
    int line = 0, column = 0;
    std::string message;
};

bool parse_csv(const std::string& in, std::vector<CsvRow>& rows, CsvProblem& problem) {
    std::size_t i = in.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    int line = 1;
    CsvRow row;
    row.line = 1;
    std::string cell;
    bool quoted = false, was_quoted = false;
    auto end_cell = [&] { row.cells.push_back(was_quoted ? cell : trim(cell)); cell.clear(); was_quoted = false; };
    auto end_row = [&] {
        end_cell();
        if (!(row.cells.size() == 1 && row.cells[0].empty())) rows.push_back(row);  // blank lines are skipped
        row = CsvRow{};
        row.line = line;
    };
    for (; i < in.size(); ++i) {
        const char c = in[i];
        if (quoted) {
            if (c == '"' && i + 1 < in.size() && in[i + 1] == '"') { cell += '"'; ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; cell += c; }
            continue;
        }
        if (c == '"') {
            if (!trim(cell).empty() || was_quoted) {
                problem = {line, static_cast<int>(row.cells.size()) + 1, "a quote inside a cell that does not start with one"};
                return false;
            }
            cell.clear();
            quoted = was_quoted = true;
        } else if (c == ',') {
            end_cell();
        } else if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            end_row();
        } else if (was_quoted && c != ' ' && c != '\t') {
            problem = {line, static_cast<int>(row.cells.size()) + 1, "text after the closing quote of a cell"};
            return false;
        } else {
            cell += c;
        }
    }
    if (quoted) {
        problem = {row.line, static_cast<int>(row.cells.size()) + 1, "a quoted cell is not closed"};
        return false;
    }
    end_row();
    return true;
}

// [SECTION] Cells

bool yes_no(const std::string& cell, bool& value) {
    const std::string v = to_lower_ascii(trim(cell));
    if (v.empty() || v == "no" || v == "n" || v == "false" || v == "0") { value = false; return true; }
    if (v == "yes" || v == "y" || v == "true" || v == "1" || v == "x") { value = true; return true; }
    return false;
}

const Tier* tier_for_level(const MembershipData& d, const std::string& level) {
    const std::string l = to_lower_ascii(trim(level));
    for (const Tier& t : d.schedule.tiers)
        if (l == t.id || l == to_lower_ascii(t.short_name) || l == to_lower_ascii(t.name)) return &t;
    return nullptr;
}

// [SECTION] Writing back: one value of the file replaced, in the file's own indentation

struct Replacement {
    JsonSpan span;
    std::string text;
};

std::string line_indent(const std::string& text, std::size_t pos) {
    std::size_t start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::size_t end = start;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    return text.substr(start, end - start);
}

// A value as the file writes its values: the indentation step of the file's first member line
// (none: compact), each line after the first shifted to the value's own indentation, and the
// file's line ends.
std::string in_file_style(const nlohmann::ordered_json& value, const std::string& file, std::size_t at) {
    const std::size_t first_break = file.find('\n');
    const std::string step = first_break == std::string::npos ? "" : line_indent(file, first_break + 1);
    if (step.empty()) return value.dump();
    const std::string dumped = value.dump(static_cast<int>(step.size()), step[0]);
    const std::string base = line_indent(file, at);
    const bool crlf = first_break > 0 && file[first_break - 1] == '\r';  // a file saved on Windows keeps its line ends
    std::string out;
    for (char c : dumped) {
        if (c == '\n' && crlf) out += '\r';
        out += c;
        if (c == '\n') out += base;
    }
    return out;
}

std::string counts_by_tier(const MembershipData& d) {
    std::string s;
    for (const Tier& t : d.schedule.tiers)
        s += (s.empty() ? "" : ", ") + t.short_name + " " + std::to_string(d.snapshot.count_in_tier(t.id));
    return s;
}

}  // namespace

MembersImport import_members_csv(const std::string& csv_text, const std::string& csv_name, const std::string& json_text,
                                 const std::string& json_name, const std::string& date) {
    MembersImport r;
    if (!is_iso_date(date)) { r.error = "--date: expected a date as YYYY-MM-DD, found \"" + date + "\""; return r; }
    const LoadResult loaded = try_load_membership(json_text, json_name);
    if (!loaded.data) { r.error = loaded.error; return r; }
    const MembershipData& before = *loaded.data;

    std::vector<CsvRow> rows;
    CsvProblem problem;
    auto at = [&](int line, int column, const std::string& header) {
        return csv_name + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
               (header.empty() ? "" : " (" + header + ")") + ": ";
    };
    if (!parse_csv(csv_text, rows, problem)) { r.error = at(problem.line, problem.column, "") + problem.message; return r; }
    if (rows.empty()) { r.error = csv_name + ": line 1: the file is empty (expected a header row: name,level,...)"; return r; }

    // The header names the columns.
    const CsvRow& header = rows.front();
    std::map<std::string, std::size_t> column;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const std::string name = to_lower_ascii(trim(header.cells[c]));
        if (!name.empty() && !column.emplace(name, c).second) {
            r.error = at(header.line, static_cast<int>(c) + 1, name) + "the column appears twice in the header";
            return r;
        }
    }
    for (const char* required : {"name", "level"})
        if (!column.count(required)) {
            r.error = csv_name + ": line " + std::to_string(header.line) + ": no \"" + required +
                      "\" column in the header (expected name, level and optionally founding_2015, commercial, executive_committee)";
            return r;
        }
    auto optional_column = [&](std::initializer_list<const char*> names) -> int {
        for (const char* n : names) if (column.count(n)) return static_cast<int>(column.at(n));
        return -1;
    };
    const int founder_col = optional_column({"founding_2015", "founder"});
    const int commercial_col = optional_column({"commercial"});
    const int executive_col = optional_column({"executive_committee"});
    const bool counts_seats = commercial_col >= 0 && executive_col >= 0;

    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    std::vector<Member> imported;
    std::map<std::string, int> first_line;  // lower-case name -> line
    int commercial_seats = 0;
    for (std::size_t n = 1; n < rows.size(); ++n) {
        const CsvRow& row = rows[n];
        if (row.cells.size() != header.cells.size()) {
            r.error = at(row.line, static_cast<int>(std::min(row.cells.size(), header.cells.size())) + 1, "") + "expected " +
                      std::to_string(header.cells.size()) + " cells as in the header, found " + std::to_string(row.cells.size());
            return r;
        }
        auto cell_at = [&](const char* name) -> std::pair<int, const std::string&> {
            const std::size_t c = column.at(name);
            return {static_cast<int>(c) + 1, row.cells[c]};
        };
        Member m;
        const auto [name_col, name] = cell_at("name");
        m.name = trim(name);
        if (m.name.empty()) { r.error = at(row.line, name_col, "name") + "the name is empty"; return r; }
        if (!is_valid_utf8(m.name) || has_control_characters(m.name, false)) {
            r.error = at(row.line, name_col, "name") + "the name must be one line of UTF-8 text, without control characters";
            return r;
        }
        const auto seen = first_line.emplace(to_lower_ascii(m.name), row.line);
        if (!seen.second) {
            r.error = at(row.line, name_col, "name") + "\"" + m.name + "\" is listed twice (also on line " + std::to_string(seen.first->second) + ")";
            return r;
        }
        const auto [level_col, level] = cell_at("level");
        const Tier* tier = tier_for_level(before, level);
        if (!tier) {
            std::string known;
            for (const Tier& t : before.schedule.tiers) known += (known.empty() ? "" : ", ") + t.short_name;
            r.error = at(row.line, level_col, "level") + "unknown level \"" + trim(level) + "\" (known: " + known + ")";
            return r;
        }
        m.tier = tier->id;
        auto flag = [&](int col, bool& value) {
            if (col < 0) { value = false; return true; }
            if (yes_no(row.cells[static_cast<std::size_t>(col)], value)) return true;
            r.error = at(row.line, col + 1, to_lower_ascii(trim(header.cells[static_cast<std::size_t>(col)]))) +
                      "expected yes or no, found \"" + row.cells[static_cast<std::size_t>(col)] + "\"";
            return false;
        };
        bool commercial = false, executive = false;
        if (!flag(founder_col, m.founder) || !flag(commercial_col, commercial) || !flag(executive_col, executive)) return r;
        if (counts_seats && commercial && executive) ++commercial_seats;

        nlohmann::ordered_json entry = {{"name", m.name}, {"tier", m.tier}};
        if (m.founder) entry["founder"] = true;
        members.push_back(entry);
        imported.push_back(m);
    }
    if (!counts_seats) commercial_seats = before.snapshot.commercial_executive_seats_held;
    if (commercial_seats > before.governance.commercial_seat_limit) {
        r.error = csv_name + ": " + std::to_string(commercial_seats) + " members are both commercial and on the " +
                  before.governance.executive_name + ", above its limit of " + std::to_string(before.governance.commercial_seat_limit);
        return r;
    }

    // Three values of the file change; the rest is kept byte for byte. Replaced from the end, so
    // the earlier spans stay valid.
    std::vector<Replacement> edits;
    for (const char* path : {"snapshot.members", "snapshot.date", "snapshot.commercial_executive_seats_held"}) {
        const JsonSpan span = locate_json_path(json_text, path);
        if (!span.exact) { r.error = json_name + ": " + path + ": not found"; return r; }
        edits.push_back({span, ""});
    }
    edits[0].text = in_file_style(members, json_text, edits[0].span.begin);
    edits[1].text = nlohmann::json(date).dump();
    edits[2].text = std::to_string(commercial_seats);
    std::sort(edits.begin(), edits.end(), [](const Replacement& a, const Replacement& b) { return a.span.begin > b.span.begin; });
    std::string out = json_text;
    for (const Replacement& e : edits) out.replace(e.span.begin, e.span.end - e.span.begin, e.text);

    const LoadResult reloaded = try_load_membership(out, json_name);
    if (!reloaded.data) { r.error = "the data file would be invalid after the import: " + reloaded.error; return r; }
    const MembershipData& after = *reloaded.data;

    // What changed, for the person who imports.
    std::map<std::string, const Member*> old_by_name, new_by_name;
    for (const Member& m : before.snapshot.members) old_by_name[m.name] = &m;
    for (const Member& m : after.snapshot.members) new_by_name[m.name] = &m;
    auto short_name = [&](const std::string& tier) { const Tier* t = after.find_tier(tier); return t ? t->short_name : tier; };
    for (const Member& m : after.snapshot.members) {
        const auto old = old_by_name.find(m.name);
        if (old == old_by_name.end()) { r.joined.push_back(m.name + " (" + short_name(m.tier) + ")"); continue; }
        if (old->second->tier != m.tier) r.changed.push_back(m.name + ": " + short_name(old->second->tier) + " -> " + short_name(m.tier));
        if (old->second->founder != m.founder) r.changed.push_back(m.name + (m.founder ? ": now a founder" : ": no longer a founder"));
    }
    for (const Member& m : before.snapshot.members)
        if (!new_by_name.count(m.name)) r.left.push_back(m.name + " (" + short_name(m.tier) + ")");

    const TrcWhatIf trc_before = trc_what_if(before), trc_after = trc_what_if(after);
    r.summary.push_back("Members: " + std::to_string(before.snapshot.members.size()) + " -> " + std::to_string(after.snapshot.members.size()) +
                        " (" + counts_by_tier(before) + " -> " + counts_by_tier(after) + ")");
    r.summary.push_back("Snapshot date: " + before.snapshot.date + " -> " + after.snapshot.date);
    r.summary.push_back("Joined: " + std::to_string(r.joined.size()) + ", left: " + std::to_string(r.left.size()) +
                        ", changed: " + std::to_string(r.changed.size()));
    for (const std::string& s : r.joined) r.summary.push_back("  + " + s);
    for (const std::string& s : r.left) r.summary.push_back("  - " + s);
    for (const std::string& s : r.changed) r.summary.push_back("  * " + s);
    r.summary.push_back(after.governance.trc_name + ": up to " + std::to_string(trc_before.cap_now) + " -> " +
                        std::to_string(trc_after.cap_now) + " elected " + short_name(trc_after.tier) + " representatives");
    r.summary.push_back(after.governance.executive_name + " seats held by commercial organisations: " +
                        std::to_string(before.snapshot.commercial_executive_seats_held) + " -> " + std::to_string(commercial_seats) +
                        " (limit " + std::to_string(after.governance.commercial_seat_limit) + ")" +
                        (counts_seats ? "" : "; kept, as the CSV has no commercial and executive_committee columns"));
    r.json_text = std::move(out);
    r.ok = true;
    return r;
}

}  // namespace iiifc
