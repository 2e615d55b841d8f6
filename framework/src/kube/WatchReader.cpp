//
// WatchReader.cpp
//
// Each event is framed with JsonStreamScanner straight from the stream (the
// "type" and "object" members in any order, other members skipped); the
// object's text is then parsed alone, with the kind's schema or, for ERROR,
// the Status schema.
//

#include "sbomop/kube/WatchReader.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Format.h>

namespace sbomop {
namespace kube {

namespace {

enum StatusSlot { STATUS = 1, CODE, REASON, MESSAGE };

const SchemaNode& statusSchema()
{
	static const SchemaNode SCHEMA = SchemaNode::object()
		.field("status", SchemaNode::string(STATUS))
		.field("code", SchemaNode::integer(CODE))
		.field("reason", SchemaNode::string(REASON))
		.field("message", SchemaNode::string(MESSAGE));
	return SCHEMA;
}

class StatusSink: public SchemaSink
{
public:
	explicit StatusSink(ApiStatus& status): _status(status)
	{
	}

	void string(int slot, const std::string& value) override
	{
		switch (slot)
		{
		case STATUS: _status.status = value; break;
		case REASON: _status.reason = value; break;
		case MESSAGE: _status.message = value; break;
		default: break;
		}
	}

	void integer(int slot, long long value) override
	{
		if (slot == CODE) _status.code = static_cast<int>(value);
	}

private:
	ApiStatus& _status;
};

} // namespace


WatchStreamReader::WatchStreamReader(std::istream& in, ObjectBuilder& builder, std::size_t maxEventBytes):
	_builder(builder),
	_scanner(in, maxEventBytes)
{
}


bool WatchStreamReader::next(WatchEventInfo& info)
{
	const int first = _scanner.peek();
	if (first < 0) return false;
	if (first != '{') _scanner.fail("expected a watch event object, found " + JsonStreamScanner::describe(first));
	const std::uint64_t start = _scanner.offset();
	const std::string where = Poco::format("watch event at byte %Lu", static_cast<Poco::UInt64>(start));
	_scanner.expect('{');

	std::string typeName;
	bool hasType = false;
	bool hasObject = false;
	_objectText.clear();
	if (_scanner.peek() == '}')
	{
		_scanner.expect('}');
	}
	else for (;;)
	{
		const std::string key = _scanner.readString("a key of the watch event");
		_scanner.expect(':');
		if (key == "type")
		{
			typeName = _scanner.readString("the event type");
			hasType = true;
		}
		else if (key == "object")
		{
			const int c = _scanner.peek();
			if (c != '{') _scanner.fail("expected an object for the event object, found " + JsonStreamScanner::describe(c));
			_objectText.clear();
			_scanner.readValue(&_objectText);
			hasObject = true;
		}
		else
		{
			_scanner.readValue(nullptr);
		}
		const int next = _scanner.peek();
		if (next == '}')
		{
			_scanner.expect('}');
			break;
		}
		if (next != ',') _scanner.fail("expected ',' or '}' in the watch event, found " + JsonStreamScanner::describe(next));
		_scanner.expect(',');
	}

	if (!hasType) throw MalformedResponseException(where + " has no type");
	WatchEventInfo decoded;
	if (!parseWatchEventType(typeName, decoded.type))
		throw MalformedResponseException(where + " has unknown type '" + typeName + "'");
	if (!hasObject) throw MalformedResponseException(where + " (" + typeName + ") has no object");

	_builder.reset();
	if (decoded.type == WatchEventType::Error)
	{
		StatusSink sink(decoded.status);
		SchemaHandler::parse(_objectText, statusSchema(), sink, where + " (ERROR)");
	}
	else
	{
		SchemaHandler::parse(_objectText, _builder.schema(), _builder, where + " (" + typeName + ")");
		decoded.initialEventsEnd = _builder.initialEventsEnd();
	}
	info = decoded;
	return true;
}


std::uint64_t WatchStreamReader::offset() const
{
	return _scanner.offset();
}


} } // namespace sbomop::kube
