//
// SchemaHandler.h
//
// A streaming Poco::JSON::Handler driven by a small schema: it reports only
// the values the schema names (to a SchemaSink), checks their JSON types and
// skips every other subtree without keeping anything of it. No DOM is built.
//

#ifndef SBOMOP_Kube_SchemaHandler_INCLUDED
#define SBOMOP_Kube_SchemaHandler_INCLUDED

#include "sbomop/Sbomop.h"
#include <Poco/JSON/Handler.h>
#include <string>
#include <vector>

namespace sbomop {
namespace kube {

class SBOMOP_API SchemaNode
	/// One position in the expected shape of a document: an object with named
	/// fields, an array of one element shape, a string, an integer, an object
	/// of strings (labels, annotations), or anything (accepted and ignored).
	/// A non-zero slot is the number reported to the SchemaSink for this
	/// position. Fields not named in an object are ignored. `null` anywhere
	/// counts as absent. Value type; build once and share read-only.
{
public:
	enum class Type { Object, Array, String, Integer, StringMap, Any };

	static SchemaNode object(int slot = 0);
	static SchemaNode array(const SchemaNode& element, int slot = 0);
	static SchemaNode string(int slot);
	static SchemaNode integer(int slot);
	static SchemaNode stringMap(int slot);
	static SchemaNode any();

	SchemaNode& field(const std::string& name, const SchemaNode& node);
		/// Adds (or replaces) a named field of an object node; returns *this.

	const SchemaNode* find(const std::string& name) const;
		/// The node of a named field, or null if the field is not in the schema.

	const SchemaNode& element() const;
		/// The element shape of an array node.

	Type type() const;
	int slot() const;

	static const char* typeName(Type type);

private:
	SchemaNode(Type type, int slot);

	Type _type;
	int _slot;
	std::vector<std::string> _names;
	std::vector<SchemaNode> _nodes; ///< Field nodes, or the single array element.
};


class SBOMOP_API SchemaSink
	/// Receives the values a SchemaHandler found. Every method has an empty
	/// default, so a sink implements only what its schema uses.
{
public:
	virtual ~SchemaSink();

	virtual void begin(int slot);
		/// An object or array node with this slot starts.

	virtual void end(int slot);
		/// The object or array node with this slot is complete.

	virtual void string(int slot, const std::string& value);
	virtual void integer(int slot, long long value);

	virtual void entry(int slot, const std::string& key, const std::string& value);
		/// One key/value pair of a string-map node.
};


class SBOMOP_API SchemaHandler: public Poco::JSON::Handler
	/// Walks the parser's events along a SchemaNode tree. Memory use is the
	/// nesting depth plus the current key, whatever the document size.
	/// A value of the wrong JSON type at a schema position throws
	/// MalformedResponseException naming the path (e.g.
	/// "expected object of strings at metadata.labels, found number").
	/// Not thread-safe; one handler per parse. The root node and the sink
	/// must outlive the handler.
{
public:
	SchemaHandler(const SchemaNode& root, SchemaSink& sink);
	~SchemaHandler() override;

	static void parse(const std::string& json, const SchemaNode& root, SchemaSink& sink, const std::string& where);
		/// Parses one complete JSON document with Poco::JSON::Parser and a
		/// SchemaHandler. Throws MalformedResponseException whose message
		/// starts with `where` for syntax errors and type mismatches.

	void reset() override;
	void startObject() override;
	void endObject() override;
	void startArray() override;
	void endArray() override;
	void key(const std::string& k) override;
	void null() override;
	void value(int v) override;
	void value(unsigned v) override;
	void value(Poco::Int64 v) override;
	void value(Poco::UInt64 v) override;
	void value(const std::string& value) override;
	void value(double d) override;
	void value(bool b) override;

private:
	struct Frame
	{
		const SchemaNode* node;
		const SchemaNode* child; ///< Object: node of the current key (null if unknown).
		std::string key;         ///< Object or map: the current key.
		std::size_t count;       ///< Array: elements started so far.
	};

	const SchemaNode* expected();
	bool inStringMap() const;
	void open(SchemaNode::Type type);
	void close();
	void integer(long long v, bool inRange);
	void other(const char* found);
	[[noreturn]] void typeError(const char* expected, const char* found) const;
	std::string path() const;

	const SchemaNode& _root;
	SchemaSink& _sink;
	std::vector<Frame> _frames;
	std::size_t _skipDepth;
};

} } // namespace sbomop::kube

#endif // SBOMOP_Kube_SchemaHandler_INCLUDED
