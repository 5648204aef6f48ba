//! `formats::parse_js` (the browser's `JSON.parse`, as the widget parses)
//! against `formats::parse` (`serde_json`, as the native tests parse): the
//! same feeds and the same errors for every sample and every format fixture.
#![cfg(target_arch = "wasm32")]

use article_widget::formats::{parse, parse_js, FormatError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every document under `sample/` and `tests/fixtures/formats/`, by path.
const DOCUMENTS: &[(&str, &[u8])] = &[
    ("sample/feed.json", include_bytes!("../sample/feed.json")),
    ("sample/ghost.json", include_bytes!("../sample/ghost.json")),
    ("sample/jsonld.json", include_bytes!("../sample/jsonld.json")),
    ("sample/wordpress.json", include_bytes!("../sample/wordpress.json")),
    ("tests/fixtures/formats/frontity/author-list.json", include_bytes!("../tests/fixtures/formats/frontity/author-list.json")),
    ("tests/fixtures/formats/frontity/handlers-post-archive-posts.json", include_bytes!("../tests/fixtures/formats/frontity/handlers-post-archive-posts.json")),
    ("tests/fixtures/formats/frontity/handlers-post-type-post-1.json", include_bytes!("../tests/fixtures/formats/frontity/handlers-post-type-post-1.json")),
    ("tests/fixtures/formats/frontity/page-211.json", include_bytes!("../tests/fixtures/formats/frontity/page-211.json")),
    ("tests/fixtures/formats/frontity/post-60.json", include_bytes!("../tests/fixtures/formats/frontity/post-60.json")),
    ("tests/fixtures/formats/frontity/posts-from-category-7-page-2.json", include_bytes!("../tests/fixtures/formats/frontity/posts-from-category-7-page-2.json")),
    ("tests/fixtures/formats/frontity/posts-from-category-7.json", include_bytes!("../tests/fixtures/formats/frontity/posts-from-category-7.json")),
    ("tests/fixtures/formats/frontity/posts.json", include_bytes!("../tests/fixtures/formats/frontity/posts.json")),
    ("tests/fixtures/formats/ghost/error-unknown-key.json", include_bytes!("../tests/fixtures/formats/ghost/error-unknown-key.json")),
    ("tests/fixtures/formats/ghost/posts.json", include_bytes!("../tests/fixtures/formats/ghost/posts.json")),
    ("tests/fixtures/formats/gofeed/parser__json__invalid__invalid.json", include_bytes!("../tests/fixtures/formats/gofeed/parser__json__invalid__invalid.json")),
    ("tests/fixtures/formats/gofeed/parser__json__version_json_10.json", include_bytes!("../tests/fixtures/formats/gofeed/parser__json__version_json_10.json")),
    ("tests/fixtures/formats/gofeed/parser__json__version_json_11.json", include_bytes!("../tests/fixtures/formats/gofeed/parser__json__version_json_11.json")),
    ("tests/fixtures/formats/gofeed/parser__json__version_json_11_deprecated_author.json", include_bytes!("../tests/fixtures/formats/gofeed/parser__json__version_json_11_deprecated_author.json")),
    ("tests/fixtures/formats/gofeed/render__comprehensive_feed.json", include_bytes!("../tests/fixtures/formats/gofeed/render__comprehensive_feed.json")),
    ("tests/fixtures/formats/gofeed/render__feed_with_comprehensive_items.json", include_bytes!("../tests/fixtures/formats/gofeed/render__feed_with_comprehensive_items.json")),
    ("tests/fixtures/formats/gofeed/render__minimal_feed.json", include_bytes!("../tests/fixtures/formats/gofeed/render__minimal_feed.json")),
    ("tests/fixtures/formats/gofeed/translator__json__json10_full.json", include_bytes!("../tests/fixtures/formats/gofeed/translator__json__json10_full.json")),
    ("tests/fixtures/formats/gofeed/translator__json__json10_simple.json", include_bytes!("../tests/fixtures/formats/gofeed/translator__json__json10_simple.json")),
    ("tests/fixtures/formats/gofeed/translator__json__json11_full.json", include_bytes!("../tests/fixtures/formats/gofeed/translator__json__json11_full.json")),
    ("tests/fixtures/formats/jsonld/item-list.json", include_bytes!("../tests/fixtures/formats/jsonld/item-list.json")),
    ("tests/fixtures/formats/jsonld/news-article.json", include_bytes!("../tests/fixtures/formats/jsonld/news-article.json")),
    ("tests/fixtures/formats/jsonld/yoast-graph.json", include_bytes!("../tests/fixtures/formats/jsonld/yoast-graph.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_double_huge_neg_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_double_huge_neg_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_huge_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_huge_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_neg_int_huge_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_neg_int_huge_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_pos_double_huge_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_pos_double_huge_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_real_neg_overflow.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_real_neg_overflow.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_real_pos_overflow.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_real_pos_overflow.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_real_underflow.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_real_underflow.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_too_big_neg_int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_too_big_neg_int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_too_big_pos_int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_too_big_pos_int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_number_very_big_negative_int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_number_very_big_negative_int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_object_key_lone_2nd_surrogate.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_object_key_lone_2nd_surrogate.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_1st_surrogate_but_2nd_missing.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_1st_surrogate_but_2nd_missing.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_1st_valid_surrogate_2nd_invalid.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_1st_valid_surrogate_2nd_invalid.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_UTF-16LE_with_BOM.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_UTF-16LE_with_BOM.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_UTF-8_invalid_sequence.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_UTF-8_invalid_sequence.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_UTF8_surrogate_U+D800.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_UTF8_surrogate_U+D800.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_incomplete_surrogate_and_escape_valid.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_incomplete_surrogate_and_escape_valid.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_incomplete_surrogate_pair.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_incomplete_surrogate_pair.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_incomplete_surrogates_escape_valid.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_incomplete_surrogates_escape_valid.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_invalid_lonely_surrogate.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_invalid_lonely_surrogate.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_invalid_surrogate.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_invalid_surrogate.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_invalid_utf-8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_invalid_utf-8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_inverted_surrogates_U+1D11E.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_inverted_surrogates_U+1D11E.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_iso_latin_1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_iso_latin_1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_lone_second_surrogate.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_lone_second_surrogate.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_lone_utf8_continuation_byte.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_lone_utf8_continuation_byte.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_not_in_unicode_range.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_not_in_unicode_range.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_overlong_sequence_2_bytes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_overlong_sequence_2_bytes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_overlong_sequence_6_bytes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_overlong_sequence_6_bytes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_overlong_sequence_6_bytes_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_overlong_sequence_6_bytes_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_truncated-utf-8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_truncated-utf-8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_utf16BE_no_BOM.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_utf16BE_no_BOM.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_string_utf16LE_no_BOM.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_string_utf16LE_no_BOM.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_structure_500_nested_arrays.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_structure_500_nested_arrays.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/i_structure_UTF-8_BOM_empty_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/i_structure_UTF-8_BOM_empty_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_1_true_without_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_1_true_without_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_a_invalid_utf8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_a_invalid_utf8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_colon_instead_of_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_colon_instead_of_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_comma_after_close.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_comma_after_close.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_comma_and_number.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_comma_and_number.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_double_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_double_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_double_extra_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_double_extra_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_extra_close.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_extra_close.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_extra_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_extra_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_incomplete.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_incomplete.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_incomplete_invalid_value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_incomplete_invalid_value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_inner_array_no_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_inner_array_no_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_invalid_utf8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_invalid_utf8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_items_separated_by_semicolon.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_items_separated_by_semicolon.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_just_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_just_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_just_minus.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_just_minus.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_missing_value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_missing_value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_newlines_unclosed.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_newlines_unclosed.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_number_and_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_number_and_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_number_and_several_commas.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_number_and_several_commas.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_spaces_vertical_tab_formfeed.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_spaces_vertical_tab_formfeed.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_star_inside.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_star_inside.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed_trailing_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed_trailing_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed_with_new_lines.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed_with_new_lines.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed_with_object_inside.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_array_unclosed_with_object_inside.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_incomplete_false.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_incomplete_false.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_incomplete_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_incomplete_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_incomplete_true.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_incomplete_true.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_multidigit_number_then_00.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_multidigit_number_then_00.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_++.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_++.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_+1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_+1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_+Inf.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_+Inf.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-01.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-01.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-1.0..json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-1.0..json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-2..json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-2..json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-NaN.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_-NaN.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_.-1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_.-1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_.2e-3.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_.2e-3.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.1.2.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.1.2.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.3e+.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.3e+.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.3e.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.3e.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.e1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0.e1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0_capital_E+.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0_capital_E+.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0_capital_E.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0_capital_E.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0e+.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0e+.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0e.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_0e.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1.0e+.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1.0e+.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1.0e-.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1.0e-.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1.0e.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1.0e.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1_000.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1_000.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1eE2.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_1eE2.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_2.e+3.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_2.e+3.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_2.e-3.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_2.e-3.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_2.e3.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_2.e3.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_9.e+.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_9.e+.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_Inf.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_Inf.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_NaN.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_NaN.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_U+FF11_fullwidth_digit_one.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_U+FF11_fullwidth_digit_one.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_expression.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_expression.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_hex_1_digit.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_hex_1_digit.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_hex_2_digits.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_hex_2_digits.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_infinity.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_infinity.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid+-.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid+-.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-negative-real.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-negative-real.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-utf-8-in-bigger-int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-utf-8-in-bigger-int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-utf-8-in-exponent.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-utf-8-in-exponent.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-utf-8-in-int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_invalid-utf-8-in-int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_minus_infinity.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_minus_infinity.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_minus_sign_with_trailing_garbage.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_minus_sign_with_trailing_garbage.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_minus_space_1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_minus_space_1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_neg_int_starting_with_zero.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_neg_int_starting_with_zero.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_neg_real_without_int_part.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_neg_real_without_int_part.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_neg_with_garbage_at_end.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_neg_with_garbage_at_end.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_real_garbage_after_e.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_real_garbage_after_e.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_real_with_invalid_utf8_after_e.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_real_with_invalid_utf8_after_e.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_real_without_fractional_part.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_real_without_fractional_part.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_starting_with_dot.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_starting_with_dot.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_with_alpha.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_with_alpha.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_with_alpha_char.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_with_alpha_char.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_number_with_leading_zero.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_number_with_leading_zero.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_bad_value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_bad_value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_bracket_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_bracket_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_comma_instead_of_colon.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_comma_instead_of_colon.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_double_colon.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_double_colon.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_emoji.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_emoji.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_garbage_at_end.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_garbage_at_end.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_key_with_single_quotes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_key_with_single_quotes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_lone_continuation_byte_in_key_and_trailing_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_lone_continuation_byte_in_key_and_trailing_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_colon.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_colon.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_semicolon.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_semicolon.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_missing_value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_no-colon.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_no-colon.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_non_string_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_non_string_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_non_string_key_but_huge_number_instead.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_non_string_key_but_huge_number_instead.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_repeated_null_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_repeated_null_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_several_trailing_commas.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_several_trailing_commas.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_single_quote.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_single_quote.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment_open.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment_open.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment_slash_open.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment_slash_open.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment_slash_open_incomplete.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_trailing_comment_slash_open_incomplete.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_two_commas_in_a_row.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_two_commas_in_a_row.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_unquoted_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_unquoted_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_unterminated-value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_unterminated-value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_with_single_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_with_single_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_object_with_trailing_garbage.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_object_with_trailing_garbage.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_single_space.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_single_space.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape_u.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape_u.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape_u1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape_u1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape_u1x.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_1_surrogate_then_escape_u1x.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_accentuated_char_no_quotes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_accentuated_char_no_quotes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_backslash_00.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_backslash_00.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escape_x.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escape_x.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escaped_backslash_bad.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escaped_backslash_bad.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escaped_ctrl_char_tab.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escaped_ctrl_char_tab.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escaped_emoji.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_escaped_emoji.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_escaped_character.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_escaped_character.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_surrogate.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_surrogate.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_surrogate_escape_invalid.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_incomplete_surrogate_escape_invalid.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid-utf-8-in-escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid-utf-8-in-escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid_backslash_esc.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid_backslash_esc.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid_unicode_escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid_unicode_escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid_utf8_after_escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_invalid_utf8_after_escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_leading_uescaped_thinspace.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_leading_uescaped_thinspace.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_no_quotes_with_bad_escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_no_quotes_with_bad_escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_single_doublequote.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_single_doublequote.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_single_quote.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_single_quote.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_single_string_no_double_quotes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_single_string_no_double_quotes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_start_escape_unclosed.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_start_escape_unclosed.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unescaped_ctrl_char.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unescaped_ctrl_char.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unescaped_newline.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unescaped_newline.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unescaped_tab.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unescaped_tab.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unicode_CapitalU.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_unicode_CapitalU.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_string_with_trailing_garbage.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_string_with_trailing_garbage.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_100000_opening_arrays.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_100000_opening_arrays.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_U+2060_word_joined.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_U+2060_word_joined.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_UTF8_BOM_no_data.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_UTF8_BOM_no_data.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_angle_bracket_..json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_angle_bracket_..json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_angle_bracket_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_angle_bracket_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_array_trailing_garbage.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_array_trailing_garbage.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_array_with_extra_array_close.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_array_with_extra_array_close.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_array_with_unclosed_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_array_with_unclosed_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_ascii-unicode-identifier.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_ascii-unicode-identifier.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_capitalized_True.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_capitalized_True.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_close_unopened_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_close_unopened_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_comma_instead_of_closing_brace.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_comma_instead_of_closing_brace.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_double_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_double_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_end_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_end_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_incomplete_UTF8_BOM.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_incomplete_UTF8_BOM.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_lone-invalid-utf-8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_lone-invalid-utf-8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_lone-open-bracket.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_lone-open-bracket.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_no_data.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_no_data.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_null-byte-outside-string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_null-byte-outside-string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_number_with_trailing_garbage.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_number_with_trailing_garbage.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_followed_by_closing_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_followed_by_closing_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_unclosed_no_value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_unclosed_no_value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_with_comment.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_with_comment.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_with_trailing_garbage.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_object_with_trailing_garbage.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_apostrophe.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_apostrophe.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_open_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_open_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_open_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_open_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_array_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_close_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_close_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_comma.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_comma.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_open_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_open_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_open_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_open_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_string_with_apostrophes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_object_string_with_apostrophes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_open.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_open_open.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_single_eacute.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_single_eacute.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_single_star.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_single_star.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_trailing_#.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_trailing_#.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_uescaped_LF_before_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_uescaped_LF_before_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array_partial_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array_partial_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array_unfinished_false.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array_unfinished_false.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array_unfinished_true.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_array_unfinished_true.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unclosed_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unicode-identifier.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_unicode-identifier.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_whitespace_U+2060_word_joiner.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_whitespace_U+2060_word_joiner.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_whitespace_formfeed.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/n_structure_whitespace_formfeed.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_arraysWithSpaces.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_arraysWithSpaces.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_empty-string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_empty-string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_empty.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_empty.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_ending_with_newline.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_ending_with_newline.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_false.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_false.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_heterogeneous.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_heterogeneous.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_1_and_newline.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_1_and_newline.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_leading_space.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_leading_space.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_several_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_several_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_trailing_space.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_array_with_trailing_space.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_0e+1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_0e+1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_0e1.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_0e1.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_after_space.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_after_space.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_double_close_to_zero.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_double_close_to_zero.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_int_with_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_int_with_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_minus_zero.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_minus_zero.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_negative_int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_negative_int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_negative_one.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_negative_one.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_negative_zero.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_negative_zero.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_capital_e.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_capital_e.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_capital_e_neg_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_capital_e_neg_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_capital_e_pos_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_capital_e_pos_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_exponent.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_exponent.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_fraction_exponent.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_fraction_exponent.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_neg_exp.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_neg_exp.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_pos_exponent.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_real_pos_exponent.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_simple_int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_simple_int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_number_simple_real.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_number_simple_real.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_basic.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_basic.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_duplicated_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_duplicated_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_duplicated_key_and_value.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_duplicated_key_and_value.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_empty.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_empty.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_empty_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_empty_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_escaped_null_in_key.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_escaped_null_in_key.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_extreme_numbers.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_extreme_numbers.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_long_strings.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_long_strings.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_simple.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_simple.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_string_unicode.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_string_unicode.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_object_with_newlines.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_object_with_newlines.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_1_2_3_bytes_UTF-8_sequences.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_1_2_3_bytes_UTF-8_sequences.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_accepted_surrogate_pair.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_accepted_surrogate_pair.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_accepted_surrogate_pairs.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_accepted_surrogate_pairs.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_allowed_escapes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_allowed_escapes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_backslash_and_u_escaped_zero.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_backslash_and_u_escaped_zero.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_backslash_doublequotes.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_backslash_doublequotes.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_comments.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_comments.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_double_escape_a.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_double_escape_a.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_double_escape_n.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_double_escape_n.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_escaped_control_character.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_escaped_control_character.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_escaped_noncharacter.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_escaped_noncharacter.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_in_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_in_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_in_array_with_leading_space.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_in_array_with_leading_space.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_last_surrogates_1_and_2.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_last_surrogates_1_and_2.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_nbsp_uescaped.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_nbsp_uescaped.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_nonCharacterInUTF-8_U+10FFFF.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_nonCharacterInUTF-8_U+10FFFF.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_nonCharacterInUTF-8_U+FFFF.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_nonCharacterInUTF-8_U+FFFF.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_null_escape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_null_escape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_one-byte-utf-8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_one-byte-utf-8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_pi.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_pi.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_reservedCharacterInUTF-8_U+1BFFF.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_reservedCharacterInUTF-8_U+1BFFF.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_simple_ascii.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_simple_ascii.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_space.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_space.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_surrogates_U+1D11E_MUSICAL_SYMBOL_G_CLEF.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_surrogates_U+1D11E_MUSICAL_SYMBOL_G_CLEF.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_three-byte-utf-8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_three-byte-utf-8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_two-byte-utf-8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_two-byte-utf-8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_u+2028_line_sep.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_u+2028_line_sep.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_u+2029_par_sep.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_u+2029_par_sep.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_uEscape.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_uEscape.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_uescaped_newline.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_uescaped_newline.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unescaped_char_delete.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unescaped_char_delete.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicodeEscapedBackslash.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicodeEscapedBackslash.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_2.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_2.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+10FFFE_nonchar.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+10FFFE_nonchar.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+1FFFE_nonchar.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+1FFFE_nonchar.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+200B_ZERO_WIDTH_SPACE.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+200B_ZERO_WIDTH_SPACE.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+2064_invisible_plus.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+2064_invisible_plus.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+FDD0_nonchar.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+FDD0_nonchar.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+FFFE_nonchar.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_U+FFFE_nonchar.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_escaped_double_quote.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_unicode_escaped_double_quote.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_utf8.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_utf8.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_string_with_del_character.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_string_with_del_character.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_false.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_false.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_int.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_int.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_negative_real.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_negative_real.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_null.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_null.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_string.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_string.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_true.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_lonely_true.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_string_empty.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_string_empty.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_trailing_newline.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_trailing_newline.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_true_in_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_true_in_array.json")),
    ("tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_whitespace_array.json", include_bytes!("../tests/fixtures/formats/jsontestsuite/test_parsing/y_structure_whitespace_array.json")),
];

/// JSONTestSuite's implementation-defined cases where `JSON.parse` accepts
/// what `serde_json` rejects: lone surrogates (read as U+FFFD), numbers past
/// `f64` (read as infinity) and nesting past `serde_json`'s limit of 128.
const ACCEPTED_ONLY_BY_JSON_PARSE: &[&str] = &[
    "/i_number_huge_exp.json",
    "/i_number_neg_int_huge_exp.json",
    "/i_number_pos_double_huge_exp.json",
    "/i_number_real_neg_overflow.json",
    "/i_number_real_pos_overflow.json",
    "/i_object_key_lone_2nd_surrogate.json",
    "/i_string_1st_surrogate_but_2nd_missing.json",
    "/i_string_1st_valid_surrogate_2nd_invalid.json",
    "/i_string_incomplete_surrogate_and_escape_valid.json",
    "/i_string_incomplete_surrogate_pair.json",
    "/i_string_incomplete_surrogates_escape_valid.json",
    "/i_string_invalid_lonely_surrogate.json",
    "/i_string_invalid_surrogate.json",
    "/i_string_inverted_surrogates_U+1D11E.json",
    "/i_string_lone_second_surrogate.json",
    "/i_structure_500_nested_arrays.json",
];

fn same_kind(a: &FormatError, b: &FormatError) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

#[wasm_bindgen_test]
fn json_parse_and_serde_json_read_every_document_alike() {
    let mut differences = Vec::new();
    for (path, bytes) in DOCUMENTS {
        // The browser hands the widget text: invalid UTF-8 arrives as U+FFFD.
        let text = String::from_utf8_lossy(bytes);
        let (js, serde) = (parse_js(&text), parse(&text));
        let alike = match (&js, &serde) {
            (Ok(js), Ok(serde)) => js == serde,
            (Err(js @ FormatError::InvalidJson { .. }), Err(serde)) => same_kind(js, serde),
            (Err(js), Err(serde)) => js == serde,
            _ => false,
        };
        let expected = ACCEPTED_ONLY_BY_JSON_PARSE
            .iter()
            .any(|p| path.ends_with(p));
        if alike == expected {
            differences.push(format!("{path}: JSON.parse {js:?}, serde_json {serde:?}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Fields of the wrong type, items that are not objects and names that every
/// object or array inherits (`length`, `constructor`, `toString`) read alike:
/// in the browser a string field is read in one step, without first asking
/// whether it is there or whether its object is an array.
#[wasm_bindgen_test]
fn fields_of_the_wrong_type_read_alike() {
    let documents = [
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            ["a", "b"], "item", 7, null,
            {"id": 12, "title": ["not", "a", "title"], "url": {"length": 3}, "date_published": 1624594500},
            {"id": ["x"], "title": "Một", "summary": 5, "content_text": {"toString": "no"}},
            {"id": " ", "url": "https://news.example/a", "title": "  Hai\n dòng ", "date_published": "2021-06-25T11:15:00+07:00"},
            {"id": "constructor", "title": "toString", "tags": ["length", 3], "language": true}
        ]}"#,
        r#"[{"id": 7, "link": ["https://news.example/x"], "title": {"rendered": ["x"]}, "date_gmt": 5},
            [{"id": 8}], {"id": 9, "title": {"rendered": "Ba"}, "date": "2021-06-25T04:15:00"}]"#,
        r#"{"posts": [{"id": 1, "uuid": "u", "title": 3}, {"title": "Bốn", "url": "https://news.example/4", "published_at": ["x"]}, []]}"#,
    ];
    for text in documents {
        let (js, serde) = (parse_js(text), parse(text));
        assert_eq!(js, serde, "{text}");
        assert!(js.is_ok_and(|feed| !feed.items.is_empty()), "{text}");
    }
}

#[wasm_bindgen_test]
fn unknown_json_names_its_keys_in_document_order() {
    let err = parse_js(r#"{"zeta": 1, "alpha": [], "mid": null, "beta": 2, "a": 3, "z": 4}"#)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "This is JSON, but not an article feed: an object with keys `zeta`, `alpha`, `mid`, `beta`, `a`, …. article-widget reads JSON Feed, WordPress, Ghost, schema.org, RSS and Atom."
    );
    assert_eq!(
        parse_js("[1, 2]").unwrap_err().to_string(),
        parse("[1, 2]").unwrap_err().to_string()
    );
}

#[wasm_bindgen_test]
fn invalid_json_says_where() {
    let doc = "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  oops\n}";
    let err = parse_js(doc).unwrap_err();
    let FormatError::InvalidJson { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *column), (3, 3), "{err}");
    let err = parse_js("\u{feff}{\"a\": 1,\n \"b\": 2,\n}").unwrap_err();
    let FormatError::InvalidJson { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *column), (3, 1), "{err}");
    assert!(!err.to_string().contains("position"), "{err}");
}

#[wasm_bindgen_test]
fn deep_nesting_is_an_error_or_an_empty_feed_not_a_crash() {
    let open = "[".repeat(100_000);
    assert!(matches!(
        parse_js(&open),
        Err(FormatError::InvalidJson { .. })
    ));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    match parse_js(&deep) {
        Ok(feed) => assert!(feed.items.is_empty()),
        Err(err) => assert!(
            matches!(
                err,
                FormatError::InvalidJson { .. } | FormatError::Unknown { .. }
            ),
            "{err}"
        ),
    }
    let in_a_field = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"title": "Shallow", "id": {deep}, "authors": {deep}}}]}}"#
    );
    assert_eq!(parse_js(&in_a_field).unwrap().items[0].headline, "Shallow");
}
