#include "data_loader.h"

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

}  // namespace iiifc
