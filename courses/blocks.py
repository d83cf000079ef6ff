"""StreamField blocks for lesson content. One shared BaseStreamBlock, no raw HTML."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    size = blocks.ChoiceBlock(
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock asks for alt text (or "decorative") every time the image is used.
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")


class VideoBlock(blocks.StructBlock):
    """A video from the Training collection, played from our own media, with its transcript.

    No third-party embeds: city intranets are often offline, and every video
    needs a transcript for people who cannot hear or watch it (WCAG 1.2).
    """

    title = blocks.CharBlock(max_length=200)
    video = DocumentChooserBlock(
        help_text=_("An MP4 or WebM file uploaded to Documents.")
    )
    captions = DocumentChooserBlock(
        required=False, help_text=_("Optional WebVTT captions file (.vtt).")
    )
    transcript = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, help_text=_("Required: everything said and shown.")
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video with transcript")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Warning"))],
        default="note",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        label = _("Callout")


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_download_block.html"
        label = _("Document download")


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FaqItemBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "blocks/faq_block.html"
        label = _("FAQ / accordion")


class TakeawaysBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(
            blocks.CharBlock(max_length=250, label=_("Takeaway")), **kwargs
        )

    class Meta:
        icon = "tick"
        template = "blocks/takeaways_block.html"
        label = _("Key takeaways")


class BaseStreamBlock(blocks.StreamBlock):
    """Everything a lesson can be built from."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    document = DocumentDownloadBlock()
    faq = FaqBlock()
    takeaways = TakeawaysBlock()
