// Whether the user's draft can be kept on the device, and the Join view's sentence that says so.
// The platform reports the state of its last read or write; the sentences are written here once.
#pragma once

#include <string>

namespace iiifc {

enum class StorageState {
    kept,          // saved on this device
    memory_only,   // kiosk: never written, by design
    unavailable,   // the browser refuses storage (site data blocked, storage disabled)
    full,          // the browser's quota for this site is used up
    too_large,     // the draft is larger than a stored draft may be
};

bool storage_failing(StorageState s);            // the draft typed now would be lost with the tab
std::string storage_sentence(StorageState s);    // "Your answers are kept on this device only.", ...

}  // namespace iiifc
