// Tailwind 4 runs as a single PostCSS plugin (it does its own prefixing and
// content detection), so there is no tailwind.config.js.
export default {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};
