//
// StoreChange.h
//
// One difference a Store write made: an object added, updated or deleted.
//

#ifndef SBOMOP_Runtime_StoreChange_INCLUDED
#define SBOMOP_Runtime_StoreChange_INCLUDED

#include "sbomop/Sbomop.h"
#include <memory>

namespace sbomop {
namespace runtime {

enum class ChangeType
{
	Added,    ///< the key was not in the store
	Updated,  ///< the key was there with different content
	Deleted   ///< the key is gone
};

SBOMOP_API const char* changeTypeName(ChangeType type);
	/// "added", "updated" or "deleted".


template <class T>
struct StoreChange
	/// `newObject` is set for Added and Updated, `oldObject` for Updated
	/// (the state replaced) and Deleted (the last known state: the final
	/// state of a DELETED watch event, or what the store held when a relist
	/// no longer contains the object). Both point to immutable objects that
	/// may be kept beyond the call.
{
	ChangeType type;
	std::shared_ptr<const T> oldObject;
	std::shared_ptr<const T> newObject;
};

} } // namespace sbomop::runtime

#endif // SBOMOP_Runtime_StoreChange_INCLUDED
