"""CMS documents on shared media stream through Wagtail's view, never a blob URL."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from tests.personas import OK, every_persona


def test_a_document_streams_from_the_store_through_the_document_view(
    object_storage, persona_matrix
):
    document = Document.objects.create(
        title="Road safety checklist",
        file=ContentFile(b"%PDF-1.7 checklist", name="checklist.pdf"),
    )
    assert object_storage.raw_names() == {document.file.name}
    bodies = []

    def fetch(client, persona):
        response = client.get(document.url)
        if response.status_code == OK:
            bodies.append(b"".join(response.streaming_content))
        return response

    # Not a redirect to the container: the bytes come through our own server.
    persona_matrix(document.url, every_persona(OK), request=fetch)
    assert set(bodies) == {b"%PDF-1.7 checklist"}
