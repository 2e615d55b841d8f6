//
// PodBuilder.cpp
//

#include "sbomop/kube/PodBuilder.h"
#include <utility>

namespace sbomop {
namespace kube {

namespace {

enum PodSlot
{
	SPEC_NODE_NAME = ObjectBuilder::FIRST_KIND_SLOT,
	PULL_SECRET,
	PULL_SECRET_NAME,
	SPEC_CONTAINER,
	SPEC_INIT_CONTAINER,
	SPEC_EPHEMERAL_CONTAINER,
	SPEC_CONTAINER_NAME,
	SPEC_CONTAINER_IMAGE,
	STATUS_PHASE,
	STATUS_CONTAINER,
	STATUS_INIT_CONTAINER,
	STATUS_EPHEMERAL_CONTAINER,
	STATUS_CONTAINER_NAME,
	STATUS_CONTAINER_IMAGE,
	STATUS_CONTAINER_IMAGE_ID
};

SchemaNode containerList(int slot)
{
	return SchemaNode::array(SchemaNode::object(slot)
		.field("name", SchemaNode::string(SPEC_CONTAINER_NAME))
		.field("image", SchemaNode::string(SPEC_CONTAINER_IMAGE)));
}

SchemaNode statusList(int slot)
{
	return SchemaNode::array(SchemaNode::object(slot)
		.field("name", SchemaNode::string(STATUS_CONTAINER_NAME))
		.field("image", SchemaNode::string(STATUS_CONTAINER_IMAGE))
		.field("imageID", SchemaNode::string(STATUS_CONTAINER_IMAGE_ID)));
}

SchemaNode podSchema()
{
	return SchemaNode::object(ObjectBuilder::OBJECT)
		.field("metadata", ObjectBuilder::metadataSchema())
		.field("spec", SchemaNode::object()
			.field("nodeName", SchemaNode::string(SPEC_NODE_NAME))
			.field("imagePullSecrets", SchemaNode::array(SchemaNode::object(PULL_SECRET)
				.field("name", SchemaNode::string(PULL_SECRET_NAME))))
			.field("containers", containerList(SPEC_CONTAINER))
			.field("initContainers", containerList(SPEC_INIT_CONTAINER))
			.field("ephemeralContainers", containerList(SPEC_EPHEMERAL_CONTAINER)))
		.field("status", SchemaNode::object()
			.field("phase", SchemaNode::string(STATUS_PHASE))
			.field("containerStatuses", statusList(STATUS_CONTAINER))
			.field("initContainerStatuses", statusList(STATUS_INIT_CONTAINER))
			.field("ephemeralContainerStatuses", statusList(STATUS_EPHEMERAL_CONTAINER)));
}


} // namespace


PodBuilder::PodBuilder()
{
	MetaFields fields;
	fields.name = &_pod.name;
	fields.namespaceName = &_pod.namespaceName;
	fields.uid = &_pod.uid;
	fields.resourceVersion = &_pod.resourceVersion;
	fields.labels = &_pod.labels;
	fields.annotations = &_pod.annotations;
	fields.deletionTimestamp = &_pod.deletionTimestamp;
	bindMetadata(fields);
}


PodBuilder::~PodBuilder() = default;


const SchemaNode& PodBuilder::schema() const
{
	static const SchemaNode SCHEMA = podSchema();
	return SCHEMA;
}


const PodInfo& PodBuilder::object() const
{
	return _pod;
}


PodInfo PodBuilder::take()
{
	PodInfo pod = std::move(_pod);
	reset();
	return pod;
}


void PodBuilder::clear()
{
	_pod = PodInfo();
	_pendingName.clear();
	_pendingImage.clear();
	_pendingSecret.clear();
}


void PodBuilder::begin(int slot)
{
	switch (slot)
	{
	case PULL_SECRET:
		_pendingSecret.clear();
		break;
	case SPEC_CONTAINER:
	case SPEC_INIT_CONTAINER:
	case SPEC_EPHEMERAL_CONTAINER:
		_pendingName.clear();
		_pendingImage.clear();
		break;
	case STATUS_CONTAINER:
		_pod.containerStatuses.push_back(ContainerStatusInfo{ContainerKind::Container, "", "", ""});
		break;
	case STATUS_INIT_CONTAINER:
		_pod.containerStatuses.push_back(ContainerStatusInfo{ContainerKind::Init, "", "", ""});
		break;
	case STATUS_EPHEMERAL_CONTAINER:
		_pod.containerStatuses.push_back(ContainerStatusInfo{ContainerKind::Ephemeral, "", "", ""});
		break;
	default:
		ObjectBuilder::begin(slot);
	}
}


void PodBuilder::end(int slot)
{
	switch (slot)
	{
	case PULL_SECRET:
		if (!_pendingSecret.empty()) _pod.imagePullSecrets.push_back(_pendingSecret);
		break;
	case SPEC_CONTAINER:
	case SPEC_INIT_CONTAINER:
	case SPEC_EPHEMERAL_CONTAINER:
		// Keys may come in any order, so the entry is recorded once complete.
		if (!_pendingName.empty()) _pod.specImages[_pendingName] = _pendingImage;
		break;
	default:
		ObjectBuilder::end(slot);
	}
}


void PodBuilder::string(int slot, const std::string& value)
{
	switch (slot)
	{
	case SPEC_NODE_NAME: _pod.nodeName = value; break;
	case PULL_SECRET_NAME: _pendingSecret = value; break;
	case SPEC_CONTAINER_NAME: _pendingName = value; break;
	case SPEC_CONTAINER_IMAGE: _pendingImage = value; break;
	case STATUS_PHASE: _pod.phase = value; break;
	case STATUS_CONTAINER_NAME: _pod.containerStatuses.back().name = value; break;
	case STATUS_CONTAINER_IMAGE: _pod.containerStatuses.back().image = value; break;
	case STATUS_CONTAINER_IMAGE_ID: _pod.containerStatuses.back().imageID = value; break;
	default: ObjectBuilder::string(slot, value);
	}
}


} } // namespace sbomop::kube
