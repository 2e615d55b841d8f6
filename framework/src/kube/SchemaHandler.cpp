//
// SchemaHandler.cpp
//

#include "sbomop/kube/SchemaHandler.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/JSON/Parser.h>
#include <limits>

namespace sbomop {
namespace kube {


SchemaNode::SchemaNode(Type type, int slot):
	_type(type),
	_slot(slot)
{
}


SchemaNode SchemaNode::object(int slot)
{
	return SchemaNode(Type::Object, slot);
}


SchemaNode SchemaNode::array(const SchemaNode& element, int slot)
{
	SchemaNode node(Type::Array, slot);
	node._nodes.push_back(element);
	return node;
}


SchemaNode SchemaNode::string(int slot)
{
	return SchemaNode(Type::String, slot);
}


SchemaNode SchemaNode::integer(int slot)
{
	return SchemaNode(Type::Integer, slot);
}


SchemaNode SchemaNode::stringMap(int slot)
{
	return SchemaNode(Type::StringMap, slot);
}


SchemaNode SchemaNode::any()
{
	return SchemaNode(Type::Any, 0);
}


SchemaNode& SchemaNode::field(const std::string& name, const SchemaNode& node)
{
	for (std::size_t i = 0; i < _names.size(); ++i)
	{
		if (_names[i] == name)
		{
			_nodes[i] = node;
			return *this;
		}
	}
	_names.push_back(name);
	_nodes.push_back(node);
	return *this;
}


const SchemaNode* SchemaNode::find(const std::string& name) const
{
	if (_type != Type::Object) return nullptr;
	for (std::size_t i = 0; i < _names.size(); ++i)
	{
		if (_names[i] == name) return &_nodes[i];
	}
	return nullptr;
}


const SchemaNode& SchemaNode::element() const
{
	return _nodes.front();
}


SchemaNode::Type SchemaNode::type() const
{
	return _type;
}


int SchemaNode::slot() const
{
	return _slot;
}


const char* SchemaNode::typeName(Type type)
{
	switch (type)
	{
	case Type::Object: return "object";
	case Type::Array: return "array";
	case Type::String: return "string";
	case Type::Integer: return "integer";
	case Type::StringMap: return "object of strings";
	case Type::Any: break;
	}
	return "any value";
}


SchemaSink::~SchemaSink() = default;
void SchemaSink::begin(int) {}
void SchemaSink::end(int) {}
void SchemaSink::string(int, const std::string&) {}
void SchemaSink::integer(int, long long) {}
void SchemaSink::entry(int, const std::string&, const std::string&) {}


SchemaHandler::SchemaHandler(const SchemaNode& root, SchemaSink& sink):
	_root(root),
	_sink(sink),
	_skipDepth(0)
{
}


SchemaHandler::~SchemaHandler() = default;


void SchemaHandler::parse(const std::string& json, const SchemaNode& root, SchemaSink& sink, const std::string& where)
{
	Poco::JSON::Parser parser(new SchemaHandler(root, sink));
	try
	{
		parser.parse(json);
	}
	catch (const MalformedResponseException& exc)
	{
		throw MalformedResponseException(where + ": " + exc.message());
	}
	catch (const Poco::Exception& exc)
	{
		// JSONException for syntax, SyntaxException for numbers out of range.
		throw MalformedResponseException(where + ": malformed JSON: " + exc.message());
	}
}


void SchemaHandler::reset()
{
	_frames.clear();
	_skipDepth = 0;
}


const SchemaNode* SchemaHandler::expected()
{
	if (_frames.empty()) return &_root;
	Frame& top = _frames.back();
	switch (top.node->type())
	{
	case SchemaNode::Type::Object:
		return top.child;
	case SchemaNode::Type::Array:
		++top.count;
		return &top.node->element();
	default:
		return nullptr;
	}
}


bool SchemaHandler::inStringMap() const
{
	return !_frames.empty() && _frames.back().node->type() == SchemaNode::Type::StringMap;
}


void SchemaHandler::open(SchemaNode::Type type)
{
	if (_skipDepth > 0)
	{
		++_skipDepth;
		return;
	}
	const char* found = type == SchemaNode::Type::Object ? "object" : "array";
	if (inStringMap()) typeError("string", found);
	const SchemaNode* node = expected();
	if (!node || node->type() == SchemaNode::Type::Any)
	{
		_skipDepth = 1;
		return;
	}
	const bool fits = node->type() == type || (type == SchemaNode::Type::Object && node->type() == SchemaNode::Type::StringMap);
	if (!fits) typeError(SchemaNode::typeName(node->type()), found);
	_frames.push_back(Frame{node, nullptr, std::string(), 0});
	if (node->slot() != 0) _sink.begin(node->slot());
}


void SchemaHandler::close()
{
	if (_skipDepth > 0)
	{
		--_skipDepth;
		return;
	}
	if (_frames.empty()) return;
	const int slot = _frames.back().node->slot();
	_frames.pop_back();
	if (slot != 0) _sink.end(slot);
}


void SchemaHandler::startObject()
{
	open(SchemaNode::Type::Object);
}


void SchemaHandler::endObject()
{
	close();
}


void SchemaHandler::startArray()
{
	open(SchemaNode::Type::Array);
}


void SchemaHandler::endArray()
{
	close();
}


void SchemaHandler::key(const std::string& k)
{
	if (_skipDepth > 0 || _frames.empty()) return;
	Frame& top = _frames.back();
	top.key = k;
	top.child = top.node->find(k);
}


void SchemaHandler::null()
{
	// null means "absent" for every field; only advance array positions.
	if (_skipDepth > 0 || inStringMap()) return;
	expected();
}


void SchemaHandler::value(const std::string& value)
{
	if (_skipDepth > 0) return;
	if (inStringMap())
	{
		const Frame& top = _frames.back();
		_sink.entry(top.node->slot(), top.key, value);
		return;
	}
	const SchemaNode* node = expected();
	if (!node || node->type() == SchemaNode::Type::Any) return;
	if (node->type() != SchemaNode::Type::String) typeError(SchemaNode::typeName(node->type()), "string");
	_sink.string(node->slot(), value);
}


void SchemaHandler::integer(long long v, bool inRange)
{
	if (_skipDepth > 0) return;
	if (inStringMap()) typeError("string", "number");
	const SchemaNode* node = expected();
	if (!node || node->type() == SchemaNode::Type::Any) return;
	if (node->type() != SchemaNode::Type::Integer) typeError(SchemaNode::typeName(node->type()), "number");
	if (!inRange) typeError("integer", "number out of range");
	_sink.integer(node->slot(), v);
}


void SchemaHandler::other(const char* found)
{
	if (_skipDepth > 0) return;
	if (inStringMap()) typeError("string", found);
	const SchemaNode* node = expected();
	if (!node || node->type() == SchemaNode::Type::Any) return;
	typeError(SchemaNode::typeName(node->type()), found);
}


void SchemaHandler::value(int v)
{
	integer(v, true);
}


void SchemaHandler::value(unsigned v)
{
	integer(static_cast<long long>(v), true);
}


void SchemaHandler::value(Poco::Int64 v)
{
	integer(static_cast<long long>(v), true);
}


void SchemaHandler::value(Poco::UInt64 v)
{
	const bool inRange = v <= static_cast<Poco::UInt64>(std::numeric_limits<long long>::max());
	integer(inRange ? static_cast<long long>(v) : 0, inRange);
}


void SchemaHandler::value(double)
{
	other("number with a fraction");
}


void SchemaHandler::value(bool)
{
	other("boolean");
}


void SchemaHandler::typeError(const char* expected, const char* found) const
{
	const std::string where = path();
	throw MalformedResponseException(std::string("expected ") + expected + " at " + (where.empty() ? "the top level" : where) + ", found " + found);
}


std::string SchemaHandler::path() const
{
	std::string text;
	for (const auto& frame: _frames)
	{
		if (frame.node->type() == SchemaNode::Type::Array)
		{
			text += "[" + std::to_string(frame.count == 0 ? 0 : frame.count - 1) + "]";
		}
		else if (!frame.key.empty())
		{
			if (!text.empty()) text += ".";
			text += frame.key;
		}
	}
	return text;
}


} } // namespace sbomop::kube
