// Members from the consortium's list: a CSV replaces the members snapshot in the data file.
// Columns are found by their header (order free, other columns ignored):
//   name                 the institution, as listed (required, unique)
//   level                the tier: its id or short name, any case ("Full", "associate") (required)
//   founding_2015        yes when a founding member of 2015 (also accepted as "founder"); optional
//   commercial           yes for a commercial organisation                       } both optional; together
//   executive_committee  yes when the member holds an Executive Committee seat    } they give the count of
//                                                                                  commercial seats held
// Yes/no cells accept yes/no, y/n, true/false, 1/0, x, and empty (no).
// Only the snapshot's date, its commercial seat count and its member list change in the file; every
// other byte stays as it was, and the new list is written in the file's own indentation.
#pragma once

#include "membership.h"

#include <string>
#include <vector>

namespace iiifc {

struct MembersImport {
    bool ok = false;
    std::string error;                      // "members.csv: line 4, column 2 (level): unknown level ..."
    std::string json_text;                  // the data file with the new snapshot (when ok)
    std::vector<std::string> joined, left;  // member names
    std::vector<std::string> changed;       // "British Library: Associate -> Full", "X: now a founder"
    std::vector<std::string> summary;       // lines for a person: counts before -> after, TRC, seats
};

// `today` is the snapshot's new date (YYYY-MM-DD). Nothing is returned but the error when the CSV
// or the resulting data file is invalid.
MembersImport import_members_csv(const std::string& csv_text, const std::string& csv_name, const std::string& json_text,
                                 const std::string& json_name, const std::string& date);

}  // namespace iiifc
