//
// ConfigSchema.h
//
// The table of every configuration key the operator accepts: the built-in
// keys (BuiltinKeys) plus whatever a loaded backend plugin declares before the
// configuration is validated.
//

#ifndef SBOMOP_Config_ConfigSchema_INCLUDED
#define SBOMOP_Config_ConfigSchema_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/config/KeyDefinition.h"
#include <map>
#include <string>
#include <vector>

namespace sbomop {
namespace config {

class SBOMOP_API ConfigSchema
	/// An ordered set of KeyDefinitions, looked up by name, and the groups they
	/// belong to (in order of first use, each with a title for help output).
	///
	/// Not synchronised: build it (built-in keys, plugin keys, validators) on
	/// one thread before loading; afterwards concurrent reads are safe.
{
public:
	ConfigSchema();
		/// An empty schema; see BuiltinKeys::schema() for the built-in keys.

	void add(const KeyDefinition& key);
		/// Appends a key. Its group is registered with the group name as title
		/// unless addGroup() named it before.
		/// Throws Poco::ExistsException when the name is taken, and
		/// Poco::InvalidArgumentException when the name is not kebab-case
		/// ([a-z][a-z0-9]* words joined by single '-'), is reserved (help,
		/// version, config), or when the static default is not a valid value
		/// of the key's type.

	void addGroup(const std::string& group, const std::string& title);
		/// Registers (or retitles) a group; groups are listed in the order
		/// they were first registered or used.

	void addValidator(const std::string& name, const KeyDefinition::Validator& validator);
		/// Adds an extra check to an existing key (e.g. the label-selector
		/// grammar for pod-label-selector). Throws Poco::NotFoundException for
		/// an unknown key.

	const KeyDefinition* find(const std::string& name) const;
		/// The key with that name, or null.

	const KeyDefinition& get(const std::string& name) const;
		/// The key with that name. Throws Poco::NotFoundException.

	bool has(const std::string& name) const;
		/// True when a key with that name is defined.

	const std::vector<KeyDefinition>& keys() const;
		/// All keys in the order they were added.

	const std::vector<std::string>& groups() const;
		/// Group names in order.

	std::string groupTitle(const std::string& group) const;
		/// The title of a group; the group name itself when none was set.

	std::string suggest(const std::string& name) const;
		/// The key name nearest to `name` (edit distance, ignoring case and
		/// treating '_' as '-'), or empty when none is close enough. Used for
		/// "did you mean" hints.

	static bool isValidName(const std::string& name);
		/// True for kebab-case names: lower-case letters and digits in words
		/// joined by single '-', starting with a letter.

private:
	std::vector<KeyDefinition> _keys;
	std::map<std::string, std::size_t> _index;
	std::vector<std::string> _groups;
	std::map<std::string, std::string> _titles;
};


} } // namespace sbomop::config

#endif // SBOMOP_Config_ConfigSchema_INCLUDED
