// The portal's views, in navigation order: the one list the navigation, deep links, titles and
// the semantics iterate. Adding a view is a file in this folder that defines
// std::unique_ptr<View> make_<name>_view(), and its name in this list.
#include "view.h"

#define IIIFC_PORTAL_VIEWS(X) \
    X(tiers)                  \
    X(costs)                  \
    X(governance)             \
    X(members)                \
    X(join)

namespace iiifc {

#define IIIFC_DECLARE_VIEW(name) std::unique_ptr<View> make_##name##_view();
IIIFC_PORTAL_VIEWS(IIIFC_DECLARE_VIEW)

Views default_views() {
    Views views;
#define IIIFC_ADD_VIEW(name) views.push_back(make_##name##_view());
    IIIFC_PORTAL_VIEWS(IIIFC_ADD_VIEW)
    return views;
}

}  // namespace iiifc
