//
// ListReader.cpp
//
// Poco::JSON::Parser can read a std::istream incrementally, but it accepts a
// single document only and would let stream exceptions unwind through its C
// tokenizer. The list is therefore framed here with JsonStreamScanner and
// every item is parsed on its own; the envelope keeps only kind, apiVersion
// and metadata, which are parsed once the list is complete.
//

#include "sbomop/kube/ListReader.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Format.h>

namespace sbomop {
namespace kube {

namespace {

enum ListSlot { KIND = 1, API_VERSION, RESOURCE_VERSION, CONTINUE, REMAINING_ITEM_COUNT };

const SchemaNode& envelopeSchema()
{
	static const SchemaNode SCHEMA = SchemaNode::object()
		.field("kind", SchemaNode::string(KIND))
		.field("apiVersion", SchemaNode::string(API_VERSION))
		.field("metadata", SchemaNode::object()
			.field("resourceVersion", SchemaNode::string(RESOURCE_VERSION))
			.field("continue", SchemaNode::string(CONTINUE))
			.field("remainingItemCount", SchemaNode::integer(REMAINING_ITEM_COUNT)));
	return SCHEMA;
}

class EnvelopeSink: public SchemaSink
{
public:
	explicit EnvelopeSink(ListMeta& meta): _meta(meta)
	{
	}

	void string(int slot, const std::string& value) override
	{
		switch (slot)
		{
		case KIND: _meta.kind = value; break;
		case API_VERSION: _meta.apiVersion = value; break;
		case RESOURCE_VERSION: _meta.resourceVersion = value; break;
		case CONTINUE: _meta.continueToken = value; break;
		default: break;
		}
	}

	void integer(int slot, long long value) override
	{
		if (slot == REMAINING_ITEM_COUNT) _meta.remainingItemCount = value;
	}

private:
	ListMeta& _meta;
};

} // namespace


ListReader::ListReader(ObjectBuilder& builder, std::size_t maxItemBytes):
	_builder(builder),
	_maxItemBytes(maxItemBytes)
{
}


ListMeta ListReader::read(std::istream& in, const ItemCallback& onItem)
{
	JsonStreamScanner scanner(in, _maxItemBytes);
	ListMeta meta;
	const int first = scanner.peek();
	if (first != '{') scanner.fail("expected a list object, found " + JsonStreamScanner::describe(first));
	scanner.expect('{');
	const std::uint64_t envelopeStart = scanner.offset() - 1;
	std::string envelope = "{";
	if (scanner.peek() == '}')
	{
		scanner.expect('}');
	}
	else for (;;)
	{
		const std::string key = scanner.readString("a key of the list object");
		scanner.expect(':');
		if (key == "items")
		{
			readItems(scanner, meta, onItem);
		}
		else if (key == "kind" || key == "apiVersion" || key == "metadata")
		{
			if (envelope.size() > 1) envelope += ",";
			envelope += "\"" + key + "\":";
			scanner.readValue(&envelope);
		}
		else
		{
			scanner.readValue(nullptr);
		}
		const int next = scanner.peek();
		if (next == '}')
		{
			scanner.expect('}');
			break;
		}
		if (next != ',') scanner.fail("expected ',' or '}' in the list object, found " + JsonStreamScanner::describe(next));
		scanner.expect(',');
	}
	envelope += "}";
	EnvelopeSink sink(meta);
	SchemaHandler::parse(envelope, envelopeSchema(), sink,
		Poco::format("list metadata (object at byte %Lu)", static_cast<Poco::UInt64>(envelopeStart)));
	return meta;
}


void ListReader::readItems(JsonStreamScanner& scanner, ListMeta& meta, const ItemCallback& onItem)
{
	const int first = scanner.peek();
	if (first == 'n')
	{
		// "items": null is an empty list.
		std::string literal;
		scanner.readValue(&literal);
		if (literal != "null") scanner.fail("expected an array for items, found '" + literal + "'");
		return;
	}
	if (first != '[') scanner.fail("expected an array for items, found " + JsonStreamScanner::describe(first));
	scanner.expect('[');
	if (scanner.peek() == ']')
	{
		scanner.expect(']');
		return;
	}
	for (std::size_t index = 0;; ++index)
	{
		const int start = scanner.peek();
		if (start != '{') scanner.fail(Poco::format("expected an object for items[%z], found %s", index, JsonStreamScanner::describe(start)));
		const std::uint64_t offset = scanner.offset();
		_itemText.clear();
		scanner.readValue(&_itemText);
		SchemaHandler::parse(_itemText, _builder.schema(), _builder,
			Poco::format("items[%z] (object at byte %Lu)", index, static_cast<Poco::UInt64>(offset)));
		++meta.itemCount;
		onItem();
		const int next = scanner.peek();
		if (next == ']')
		{
			scanner.expect(']');
			return;
		}
		if (next != ',') scanner.fail(Poco::format("expected ',' or ']' after items[%z], found %s", index, JsonStreamScanner::describe(next)));
		scanner.expect(',');
	}
}


} } // namespace sbomop::kube
