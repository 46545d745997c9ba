#include "storage_status.h"

namespace iiifc {

bool storage_failing(StorageState s) { return s == StorageState::unavailable || s == StorageState::full || s == StorageState::too_large; }

std::string storage_sentence(StorageState s) {
    const std::string lost = "Your answers are not being saved on this device: ";
    const std::string keep = " Download the request to keep a copy; saving is tried again by itself.";
    switch (s) {
    case StorageState::kept: return "Your answers are kept on this device only.";
    case StorageState::memory_only: return "Nothing you type is stored on this device.";
    case StorageState::unavailable: return lost + "this browser does not allow the portal to store data (site data may be blocked, or this is a private window)." + keep;
    case StorageState::full: return lost + "the browser's storage for this site is full." + keep;
    case StorageState::too_large: return lost + "the form is too large to store (a field holds a very long text)." + keep;
    }
    return "";
}

}  // namespace iiifc
