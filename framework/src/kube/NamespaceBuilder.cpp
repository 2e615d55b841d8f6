//
// NamespaceBuilder.cpp
//

#include "sbomop/kube/NamespaceBuilder.h"
#include <utility>

namespace sbomop {
namespace kube {

NamespaceBuilder::NamespaceBuilder()
{
	MetaFields fields;
	fields.name = &_namespace.name;
	fields.uid = &_namespace.uid;
	fields.resourceVersion = &_namespace.resourceVersion;
	fields.labels = &_namespace.labels;
	bindMetadata(fields);
}


NamespaceBuilder::~NamespaceBuilder() = default;


const SchemaNode& NamespaceBuilder::schema() const
{
	static const SchemaNode SCHEMA = SchemaNode::object(OBJECT).field("metadata", metadataSchema());
	return SCHEMA;
}


const NamespaceInfo& NamespaceBuilder::object() const
{
	return _namespace;
}


NamespaceInfo NamespaceBuilder::take()
{
	NamespaceInfo ns = std::move(_namespace);
	reset();
	return ns;
}


void NamespaceBuilder::clear()
{
	_namespace = NamespaceInfo();
}


} } // namespace sbomop::kube
