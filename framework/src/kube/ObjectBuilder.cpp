//
// ObjectBuilder.cpp
//

#include "sbomop/kube/ObjectBuilder.h"

namespace sbomop {
namespace kube {

namespace {

const std::string INITIAL_EVENTS_END = "k8s.io/initial-events-end";

void assign(std::string* target, const std::string& value)
{
	if (target) *target = value;
}

} // namespace


ObjectBuilder::ObjectBuilder():
	_initialEventsEnd(false)
{
}


void ObjectBuilder::bindMetadata(const MetaFields& fields)
{
	_fields = fields;
}


ObjectBuilder::~ObjectBuilder() = default;


void ObjectBuilder::reset()
{
	clear();
	_initialEventsEnd = false;
}


bool ObjectBuilder::initialEventsEnd() const
{
	return _initialEventsEnd;
}


SchemaNode ObjectBuilder::metadataSchema()
{
	return SchemaNode::object()
		.field("name", SchemaNode::string(META_NAME))
		.field("namespace", SchemaNode::string(META_NAMESPACE))
		.field("uid", SchemaNode::string(META_UID))
		.field("resourceVersion", SchemaNode::string(META_RESOURCE_VERSION))
		.field("labels", SchemaNode::stringMap(META_LABELS))
		.field("annotations", SchemaNode::stringMap(META_ANNOTATIONS))
		.field("deletionTimestamp", SchemaNode::string(META_DELETION_TIMESTAMP));
}


void ObjectBuilder::begin(int slot)
{
	if (slot == OBJECT) reset();
}


void ObjectBuilder::string(int slot, const std::string& value)
{
	switch (slot)
	{
	case META_NAME: assign(_fields.name, value); break;
	case META_NAMESPACE: assign(_fields.namespaceName, value); break;
	case META_UID: assign(_fields.uid, value); break;
	case META_RESOURCE_VERSION: assign(_fields.resourceVersion, value); break;
	case META_DELETION_TIMESTAMP: assign(_fields.deletionTimestamp, value); break;
	default: break;
	}
}


void ObjectBuilder::entry(int slot, const std::string& key, const std::string& value)
{
	if (slot == META_LABELS && _fields.labels)
	{
		(*_fields.labels)[key] = value;
	}
	else if (slot == META_ANNOTATIONS)
	{
		if (key == INITIAL_EVENTS_END) _initialEventsEnd = value == "true";
		if (_fields.annotations) (*_fields.annotations)[key] = value;
	}
}


} } // namespace sbomop::kube
