#include "data_loader.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace iiifc {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path, "", "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_text_file(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".new";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw DataError(path, "", "cannot write beside the file (" + temporary + ")");
        out << content;
        out.flush();
        if (!out) { std::remove(temporary.c_str()); throw DataError(path, "", "could not write the whole file"); }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw DataError(path, "", "could not replace the file");
    }
}

}  // namespace iiifc
