//
// ObjectBuilder.h
//
// Base of the builders that fill a slim model (PodInfo, NamespaceInfo) from
// SchemaHandler events. The readers (ListReader, WatchReader) drive a
// builder; each kind supplies its schema and the slots it understands.
//

#ifndef SBOMOP_Kube_ObjectBuilder_INCLUDED
#define SBOMOP_Kube_ObjectBuilder_INCLUDED

#include "sbomop/Sbomop.h"
#include "sbomop/kube/SchemaHandler.h"
#include <map>
#include <string>

namespace sbomop {
namespace kube {

class SBOMOP_API ObjectBuilder: public SchemaSink
	/// Handles `metadata` for every kind (name, namespace, uid,
	/// resourceVersion, labels, annotations, deletionTimestamp) into the
	/// fields a subclass binds, and notices the bookmark annotation
	/// `k8s.io/initial-events-end: "true"`. The root node of schema() must
	/// carry slot OBJECT: its start clears the model. Not thread-safe.
{
public:
	enum Slot
	{
		OBJECT = 1,
		META_NAME,
		META_NAMESPACE,
		META_UID,
		META_RESOURCE_VERSION,
		META_LABELS,
		META_ANNOTATIONS,
		META_DELETION_TIMESTAMP,
		FIRST_KIND_SLOT = 32 ///< Subclasses number their own slots from here.
	};

	~ObjectBuilder() override;

	virtual const SchemaNode& schema() const = 0;
		/// The shape of one object of this kind; static, shared by all builders.

	void reset();
		/// Empties the model and forgets the bookmark annotation.

	bool initialEventsEnd() const;
		/// True if the last object carried annotation k8s.io/initial-events-end=true.

	static SchemaNode metadataSchema();
		/// The `metadata` node to place in a kind's schema.

	void begin(int slot) override;
	void string(int slot, const std::string& value) override;
	void entry(int slot, const std::string& key, const std::string& value) override;

protected:
	struct MetaFields
		/// Where metadata goes; null members are parsed but dropped.
	{
		std::string* name = nullptr;
		std::string* namespaceName = nullptr;
		std::string* uid = nullptr;
		std::string* resourceVersion = nullptr;
		std::map<std::string, std::string>* labels = nullptr;
		std::map<std::string, std::string>* annotations = nullptr;
		std::string* deletionTimestamp = nullptr;
	};

	ObjectBuilder();

	void bindMetadata(const MetaFields& fields);
		/// Called from the subclass constructor: `fields` point into its model,
		/// which must stay at the same address for the builder's lifetime.

	virtual void clear() = 0;
		/// Empties the subclass's model.

private:
	ObjectBuilder(const ObjectBuilder&) = delete;
	ObjectBuilder& operator = (const ObjectBuilder&) = delete;

	MetaFields _fields;
	bool _initialEventsEnd;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_ObjectBuilder_INCLUDED
