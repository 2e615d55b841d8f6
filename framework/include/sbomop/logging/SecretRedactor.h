//
// SecretRedactor.h
//
// A registry of secret values that must never appear in log output.
//

#ifndef SBOMOP_Logging_SecretRedactor_INCLUDED
#define SBOMOP_Logging_SecretRedactor_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/RWLock.h>
#include <set>
#include <string>

namespace sbomop {
namespace logging {

class SBOMOP_API SecretRedactor
	/// Holds secret values (passwords, tokens, API keys) and masks every
	/// occurrence of them in a text. Code that loads a secret registers it
	/// with instance(); RedactingChannel then masks it in every log message,
	/// as a second line of defence behind never logging secrets at all.
	///
	/// All member functions are thread-safe: add() and remove() may run
	/// while other threads redact.
{
public:
	static const std::size_t MIN_SECRET_LENGTH = 4;
		/// Shorter values are ignored: masking "abc" everywhere would garble
		/// the logs without protecting anything worth the name.

	static const std::string MASK;
		/// The replacement text, "***".

	SecretRedactor();
		/// Creates an empty redactor (for tests and private use; the
		/// operator uses instance()).

	~SecretRedactor();

	SecretRedactor(const SecretRedactor&) = delete;
	SecretRedactor& operator = (const SecretRedactor&) = delete;

	static SecretRedactor& instance();
		/// Returns the process-wide redactor that LoggingSetup's channel
		/// chain uses. Never destroyed before the program exits.

	void add(const std::string& secret);
		/// Registers a secret value. Values shorter than MIN_SECRET_LENGTH
		/// bytes are ignored; adding a value twice has no further effect.

	void remove(const std::string& secret);
		/// Forgets a secret value (e.g. after a credential rotation).

	void clear();
		/// Forgets all secret values.

	std::size_t size() const;
		/// Returns the number of registered secret values.

	std::string redact(const std::string& text) const;
		/// Returns text with every occurrence of every registered secret
		/// replaced by MASK. Overlapping or adjacent occurrences collapse into
		/// a single MASK, so no fragment of any secret survives.

	bool redactInPlace(std::string& text) const;
		/// Like redact(), but changes text itself. Returns true if text
		/// contained a secret.

private:
	std::set<std::string> _secrets;
	mutable Poco::RWLock _lock;
};

} } // namespace sbomop::logging

#endif // SBOMOP_Logging_SecretRedactor_INCLUDED
